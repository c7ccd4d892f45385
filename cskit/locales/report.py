"""Labels of the monthly report, its scorecard and the MRR trend plot.

The KPI names, movement names, axis labels and most titles the report uses
are in :mod:`cskit.locales.core`; this module adds what the report and the
``cskit report`` command need besides them.
"""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
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
            "Changes of rates are in percentage points (pp), of NPS in points. A change in NPS "
            "is called better or worse only when the two months differ significantly at the "
            "{level:.0%} level (two-sample z test on the NPS standard errors); {previous} is "
            "the month compared with."
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
    },
    "ko": {
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
            "비율의 변화는 퍼센트포인트(%p), NPS의 변화는 점수 차이입니다. NPS는 두 달의 차이가 "
            "{level:.0%} 수준에서 유의할 때만(NPS 표준오차를 이용한 두 표본 z 검정) 개선 또는 "
            "악화로 표시합니다. 비교 대상 월은 {previous}입니다."
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
    },
    "ja": {
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
            "率の変化はパーセントポイント（pt）、NPSの変化はポイント差です。NPSは2か月の差が"
            "{level:.0%}水準で有意な場合のみ（NPSの標準誤差による2標本z検定）改善・悪化と表示します。"
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
    },
    "zh-Hant": {
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
            "比率的變化以百分點（pp）表示，NPS 的變化以分數差表示。只有當兩個月的 NPS 差異在 "
            "{level:.0%} 水準下顯著時（以 NPS 標準誤進行雙樣本 z 檢定），才標示為改善或惡化。"
            "比較的月份為 {previous}。"
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
    },
}
