"""Labels of the monthly report, its scorecard and the MRR trend plot.

The KPI names, movement names, axis labels and most titles the report uses
are in :mod:`cskit.locales.core`; this module adds what the report and the
``cskit report`` command need besides them.
"""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "report.export.kpi": "kpi",
        "report.export.label": "label",
        "report.export.parent": "parent",
        "report.export.unit": "unit",
        "report.export.value": "value",
        "report.export.previous": "previous",
        "report.export.change": "change",
        "report.export.target": "target",
        "report.export.better": "better",
        "report.export.status": "status",
        "report.export.verdict": "verdict",
        "report.export.p_value": "p_value",
        "title.mrr_trend": "MRR by month",
        "title.mrr_trend_by": "MRR by month and {segment}",
        "kpi.net_new_mrr": "Net new MRR",
        "report.trend": "Trend",
        "report.better": "better",
        "report.worse": "worse",
        "report.unchanged": "no change",
        "report.not_significant": "no significant change",
        "report.interval": "{level:.0%} interval",
        "report.footnote": (
            "Changes of rates are in percentage points (pp), of NPS in points. A rate counted "
            "on customers, tickets or answers (churn, FCR, CSAT, CES, first-login rate) is "
            "called better or worse only when the two months differ significantly at the "
            "{level:.0%} level (two-proportion z test on the counts; NPS: two-sample z test on "
            "the standard errors); otherwise: no significant change. Money, counts, revenue "
            "ratios and stickiness have no test: their verdict is the direction of the change. "
            "{previous} is the month compared with."
        ),
        "report.subtitle": "Data: {months} months, {first} to {last}. Compared with {previous}.",
        "report.section.movements": "Where MRR came from and where it went",
        "report.section.mrr_trend": "MRR trend",
        "report.section.churn_trend": "Customer churn trend",
        "report.section.nps_trend": "NPS trend",
        "report.summary.movements": (
            "MRR went from {start} to {end} in {month} ({net_new} net new): "
            "{inflow} came in and {outflow} went out."
        ),
        "report.summary.churn": (
            "In {month}, {churned} of {start} paying customers churned ({rate:.2%}); the "
            "dashed and dotted lines show the same churn over other denominators."
        ),
        "report.summary.nps": (
            "NPS in {month}: {nps:.1f} from {n} answers ({level:.0%} interval {low:.1f} "
            "to {high:.1f}). The band is wide when few customers answer."
        ),
        "report.no_nps": "No NPS answers in {month}.",
        "report.pp": "pp",
        "report.kpi.first_login_rate": 'First-login rate (7 days)',
        "report.kpi.stickiness": 'Stickiness (DAU / trailing-28-day MAU)',
        "report.target": 'Target',
        "report.status": 'Status',
        "report.on_track": 'on track',
        "report.off_track": 'off track',
        "report.target_of": 'target {target}',
        "report.move.up": '{label} rose from {previous} to {value} ({change}, {verdict}).',
        "report.move.down": '{label} fell from {previous} to {value} ({change}, {verdict}).',
        "report.move.typical": 'It usually moves by about {typical} a month.',
        "report.move.target": 'Target {target}: {status}.',
        "report.targets.summary": '{on} of {total} KPIs with a target are on track.',
        "report.targets.off": 'Off track: {items}.',
        "report.targets.none": (
            'No targets are set: put a targets.toml next to the data to see each KPI against its goal.'
        ),
        "report.summary": 'This month at a glance',
        "report.summary.moves": (
            'What moved most (each change measured against its noise: a test for rates and '
            'surveys, the usual monthly move for the others):'
        ),
        "report.no_moves": 'No KPI moved this month.',
        "report.area.revenue": 'Revenue',
        "report.area.retention": 'Retention and churn',
        "report.area.voice": 'Voice of the customer',
        "report.area.usage": 'Product usage',
        "report.area.support": 'Support',
        "report.area.health": 'Customer health',
        "report.area.kpis": 'KPIs of this area, last {months} months (dashed line: target).',
        "report.comments": 'What unhappy customers said in {month}',
        "report.no_comments": 'No comments from detractors this month.',
        "report.comment_date": 'Date',
        "report.comment_score": 'Score',
        "report.comment": 'Comment',
        "report.footnote.targets": (
            'Targets and the KPI tree come from {file}; └ marks a sub-KPI, a leading indicator of the KPI above it.'
        ),
    },
    "ko": {
        "report.export.kpi": "KPI ID",
        "report.export.label": "지표",
        "report.export.parent": "상위 지표",
        "report.export.unit": "단위",
        "report.export.value": "값",
        "report.export.previous": "전월",
        "report.export.change": "변화",
        "report.export.target": "목표",
        "report.export.better": "좋은 방향",
        "report.export.status": "상태",
        "report.export.verdict": "판정",
        "report.export.p_value": "p값",
        "title.mrr_trend": "월별 MRR",
        "title.mrr_trend_by": "{segment}별 월간 MRR",
        "kpi.net_new_mrr": "순증 MRR",
        "report.trend": "추세",
        "report.better": "개선",
        "report.worse": "악화",
        "report.unchanged": "변화 없음",
        "report.not_significant": "유의한 변화 없음",
        "report.interval": "{level:.0%} 신뢰구간",
        "report.footnote": (
            "비율의 변화는 퍼센트포인트(%p), NPS의 변화는 점수 차이입니다. 고객·티켓·응답 수로 세는 "
            "비율(이탈률, FCR, CSAT, CES, 첫 로그인율)은 두 달의 차이가 {level:.0%} 수준에서 유의할 "
            "때만 개선 또는 악화로 표시하고(건수에 대한 두 비율 z 검정, NPS는 표준오차를 이용한 두 표본 "
            "z 검정), 그렇지 않으면 유의한 변화 없음으로 표시합니다. 금액, 건수, 매출 비율, 고착도는 "
            "검정하지 않으며 변화의 방향으로 판정합니다. 비교 대상 월은 {previous}입니다."
        ),
        "report.subtitle": "데이터: {first}부터 {last}까지 {months}개월. 비교 월: {previous}.",
        "report.section.movements": "MRR 증감 요인",
        "report.section.mrr_trend": "MRR 추이",
        "report.section.churn_trend": "고객 이탈률 추이",
        "report.section.nps_trend": "NPS 추이",
        "report.summary.movements": (
            "{month}에 MRR은 {start}에서 {end}(으)로 변했습니다(순증 {net_new}). "
            "유입 {inflow}, 유출 {outflow}."
        ),
        "report.summary.churn": (
            "{month}에는 유료 고객 {start}명 중 {churned}명이 이탈했습니다({rate:.2%}). "
            "점선은 다른 분모로 계산한 같은 이탈률입니다."
        ),
        "report.summary.nps": (
            "{month} NPS: 응답 {n}건 기준 {nps:.1f}점({level:.0%} 신뢰구간 {low:.1f}~{high:.1f}). "
            "응답이 적을수록 구간이 넓어집니다."
        ),
        "report.no_nps": "{month}에는 NPS 응답이 없습니다.",
        "report.pp": "%p",
        "report.kpi.first_login_rate": '첫 로그인율(7일 이내)',
        "report.kpi.stickiness": '고착도(DAU / 최근 28일 MAU)',
        "report.target": '목표',
        "report.status": '상태',
        "report.on_track": '목표 달성',
        "report.off_track": '목표 미달',
        "report.target_of": '목표 {target}',
        "report.move.up": '{label}이(가) {previous}에서 {value}(으)로 올랐습니다({change}, {verdict}).',
        "report.move.down": '{label}이(가) {previous}에서 {value}(으)로 내려갔습니다({change}, {verdict}).',
        "report.move.typical": '평소 월 변동폭은 약 {typical}입니다.',
        "report.move.target": '목표 {target}: {status}.',
        "report.targets.summary": '목표가 있는 KPI {total}개 중 {on}개가 목표를 달성했습니다.',
        "report.targets.off": '목표 미달: {items}.',
        "report.targets.none": '설정된 목표가 없습니다. 데이터 옆에 targets.toml을 두면 KPI별 목표 대비 현황을 볼 수 있습니다.',
        "report.summary": '이번 달 한눈에 보기',
        "report.summary.moves": (
            '가장 크게 움직인 지표(각 변화를 잡음과 비교: 비율과 설문은 검정, 나머지는 평소 월 변동폭):'
        ),
        "report.no_moves": '이번 달에 움직인 KPI가 없습니다.',
        "report.area.revenue": '매출',
        "report.area.retention": '유지와 이탈',
        "report.area.voice": '고객의 목소리(VoC)',
        "report.area.usage": '제품 사용',
        "report.area.support": '고객 지원',
        "report.area.health": '고객 건강도',
        "report.area.kpis": '이 영역의 KPI, 최근 {months}개월(점선: 목표).',
        "report.comments": '{month} 불만 고객의 의견',
        "report.no_comments": '이번 달에는 비추천 고객의 의견이 없습니다.',
        "report.comment_date": '날짜',
        "report.comment_score": '점수',
        "report.comment": '의견',
        "report.footnote.targets": '목표와 KPI 트리는 {file}에서 읽었습니다. └ 표시는 위 KPI의 선행 지표인 하위 KPI입니다.',
    },
    "ja": {
        "report.export.kpi": "KPI ID",
        "report.export.label": "指標",
        "report.export.parent": "上位指標",
        "report.export.unit": "単位",
        "report.export.value": "値",
        "report.export.previous": "前月",
        "report.export.change": "変化",
        "report.export.target": "目標",
        "report.export.better": "良い方向",
        "report.export.status": "状態",
        "report.export.verdict": "判定",
        "report.export.p_value": "p値",
        "title.mrr_trend": "月別MRR",
        "title.mrr_trend_by": "{segment}別の月次MRR",
        "kpi.net_new_mrr": "純増MRR",
        "report.trend": "傾向",
        "report.better": "改善",
        "report.worse": "悪化",
        "report.unchanged": "変化なし",
        "report.not_significant": "有意な変化なし",
        "report.interval": "{level:.0%}信頼区間",
        "report.footnote": (
            "率の変化はパーセントポイント（pt）、NPSの変化はポイント差です。顧客・チケット・回答の数で"
            "数える率（チャーン率・FCR・CSAT・CES・初回ログイン率）は、2か月の差が{level:.0%}水準で"
            "有意な場合のみ改善・悪化と表示し（件数による2標本比率のz検定、NPSは標準誤差による2標本z検定）、"
            "それ以外は有意な変化なしと表示します。金額・件数・売上の比率・スティッキネスは検定せず、"
            "変化の方向で判定します。"
            "比較対象の月は{previous}です。"
        ),
        "report.subtitle": "データ：{first}〜{last}の{months}か月。{previous}と比較。",
        "report.section.movements": "MRRの増減要因",
        "report.section.mrr_trend": "MRRの推移",
        "report.section.churn_trend": "顧客解約率の推移",
        "report.section.nps_trend": "NPSの推移",
        "report.summary.movements": (
            "{month}のMRRは{start}から{end}へ（純増{net_new}）。流入{inflow}、流出{outflow}。"
        ),
        "report.summary.churn": (
            "{month}は有料顧客{start}社のうち{churned}社が解約しました（{rate:.2%}）。"
            "破線・点線は別の分母で計算した同じ解約率です。"
        ),
        "report.summary.nps": (
            "{month}のNPS：回答{n}件で{nps:.1f}（{level:.0%}信頼区間 {low:.1f}〜{high:.1f}）。"
            "回答が少ないほど区間は広くなります。"
        ),
        "report.no_nps": "{month}のNPS回答はありません。",
        "report.pp": "pt",
        "report.kpi.first_login_rate": '初回ログイン率（7日以内）',
        "report.kpi.stickiness": 'スティッキネス（DAU / 直近28日間のMAU）',
        "report.target": '目標',
        "report.status": '状況',
        "report.on_track": '達成',
        "report.off_track": '未達',
        "report.target_of": '目標 {target}',
        "report.move.up": '{label}は{previous}から{value}に上昇しました（{change}、{verdict}）。',
        "report.move.down": '{label}は{previous}から{value}に低下しました（{change}、{verdict}）。',
        "report.move.typical": '通常の月間変動は約{typical}です。',
        "report.move.target": '目標{target}：{status}。',
        "report.targets.summary": '目標のあるKPI {total}件のうち{on}件が目標を達成しています。',
        "report.targets.off": '未達：{items}。',
        "report.targets.none": '目標が設定されていません。データと同じフォルダーにtargets.tomlを置くと、KPIごとに目標との比較が表示されます。',
        "report.summary": '今月のサマリー',
        "report.summary.moves": (
            '最も大きく動いた指標（各変化をばらつきと比べて：率とアンケートは検定、それ以外は通常の月間変動幅）：'
        ),
        "report.no_moves": '今月動いたKPIはありません。',
        "report.area.revenue": '売上',
        "report.area.retention": '継続と解約',
        "report.area.voice": '顧客の声（VoC）',
        "report.area.usage": 'プロダクト利用',
        "report.area.support": 'サポート',
        "report.area.health": 'ヘルススコア',
        "report.area.kpis": 'この領域のKPI、直近{months}か月（破線：目標）。',
        "report.comments": '{month}の不満を持つ顧客の声',
        "report.no_comments": '今月は批判者からのコメントはありません。',
        "report.comment_date": '日付',
        "report.comment_score": 'スコア',
        "report.comment": 'コメント',
        "report.footnote.targets": '目標とKPIツリーは{file}から読み込みました。└ は上のKPIの先行指標であるサブKPIを示します。',
    },
    "zh-Hant": {
        "report.export.kpi": "KPI 代號",
        "report.export.label": "指標",
        "report.export.parent": "上層指標",
        "report.export.unit": "單位",
        "report.export.value": "數值",
        "report.export.previous": "上月",
        "report.export.change": "變化",
        "report.export.target": "目標",
        "report.export.better": "較佳方向",
        "report.export.status": "狀態",
        "report.export.verdict": "判定",
        "report.export.p_value": "p 值",
        "title.mrr_trend": "每月 MRR",
        "title.mrr_trend_by": "依{segment}區分的每月 MRR",
        "kpi.net_new_mrr": "淨新增 MRR",
        "report.trend": "趨勢",
        "report.better": "改善",
        "report.worse": "惡化",
        "report.unchanged": "無變化",
        "report.not_significant": "無顯著變化",
        "report.interval": "{level:.0%} 信賴區間",
        "report.footnote": (
            "比率的變化以百分點（pp）表示，NPS 的變化以分數差表示。以客戶、工單或回覆數計算的比率"
            "（流失率、FCR、CSAT、CES、首次登入率）只有當兩個月的差異在 {level:.0%} 水準下顯著時"
            "（以件數進行兩比例 z 檢定；NPS 以標準誤進行雙樣本 z 檢定），才標示為改善或惡化，否則標示為"
            "無顯著變化。金額、數量、收入比率與黏著度不做檢定，以變化方向判定。比較的月份為 {previous}。"
        ),
        "report.subtitle": "資料：{first} 至 {last}，共 {months} 個月。與 {previous} 比較。",
        "report.section.movements": "MRR 的增減來源",
        "report.section.mrr_trend": "MRR 趨勢",
        "report.section.churn_trend": "客戶流失率趨勢",
        "report.section.nps_trend": "NPS 趨勢",
        "report.summary.movements": (
            "{month} 的 MRR 從 {start} 變為 {end}（淨新增 {net_new}）：流入 {inflow}，流出 {outflow}。"
        ),
        "report.summary.churn": (
            "{month} 在 {start} 位付費客戶中有 {churned} 位流失（{rate:.2%}）；"
            "虛線與點線是以其他分母計算的同一流失率。"
        ),
        "report.summary.nps": (
            "{month} 的 NPS：{n} 份回覆，{nps:.1f} 分（{level:.0%} 信賴區間 {low:.1f} 至 "
            "{high:.1f}）。回覆越少，區間越寬。"
        ),
        "report.no_nps": "{month} 沒有 NPS 回覆。",
        "report.pp": "pp",
        "report.kpi.first_login_rate": '首次登入率（7 天內）',
        "report.kpi.stickiness": '黏著度（DAU / 近 28 天 MAU）',
        "report.target": '目標',
        "report.status": '狀態',
        "report.on_track": '達標',
        "report.off_track": '未達標',
        "report.target_of": '目標 {target}',
        "report.move.up": '{label} 從 {previous} 上升至 {value}（{change}，{verdict}）。',
        "report.move.down": '{label} 從 {previous} 下降至 {value}（{change}，{verdict}）。',
        "report.move.typical": '平常每月變動約 {typical}。',
        "report.move.target": '目標 {target}：{status}。',
        "report.targets.summary": '在有目標的 {total} 個 KPI 中，有 {on} 個達標。',
        "report.targets.off": '未達標：{items}。',
        "report.targets.none": '尚未設定目標：在資料旁放一個 targets.toml，即可看到每個 KPI 與目標的比較。',
        "report.summary": '本月重點摘要',
        "report.summary.moves": (
            '變動最大的指標（每項變化與其雜訊相比：比率與問卷用檢定，其餘用平常每月變動幅度）：'
        ),
        "report.no_moves": '本月沒有 KPI 變動。',
        "report.area.revenue": '收入',
        "report.area.retention": '留存與流失',
        "report.area.voice": '客戶之聲（VoC）',
        "report.area.usage": '產品使用',
        "report.area.support": '客戶支援',
        "report.area.health": '客戶健康度',
        "report.area.kpis": '此領域的 KPI，最近 {months} 個月（虛線：目標）。',
        "report.comments": '{month} 不滿意客戶的意見',
        "report.no_comments": '本月沒有貶損者的意見。',
        "report.comment_date": '日期',
        "report.comment_score": '分數',
        "report.comment": '意見',
        "report.footnote.targets": '目標與 KPI 樹讀取自 {file}；└ 表示子 KPI，即上方 KPI 的領先指標。',
    },
}
