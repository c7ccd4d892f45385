"""Labels of what the monthly report says about its data: month, currency, gaps."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "report.kpi.nrr_monthly": "Net revenue retention (NRR, monthly)",
        "report.kpi.grr_monthly": "Gross revenue retention (GRR, monthly)",
        "report.kpi.nrr_12m": "Net revenue retention (12-month NRR, returns excluded)",
        "report.kpi.grr_12m": "Gross revenue retention (12-month GRR, returns excluded)",
        "report.scope.partial": (
            "**Partial month.** The data end on {as_of}, before {month} is over: its figures "
            "cover {days} of its {total} days and are not comparable with complete months."
        ),
        "report.scope.as_of": (
            "Data as of {as_of} (the latest timestamp in the tables); the latest complete "
            "month is {complete}."
        ),
        "report.scope.currency": "Money is in {currency}.",
        "report.scope.absent": "*{area}*: add {files} for {adds}.",
        "report.scope.adds.voice": "the voice of the customer: NPS, CSAT, CES and comments",
        "report.scope.adds.usage": (
            "product usage: stickiness (DAU / MAU) and first logins of new accounts"
        ),
        "report.scope.adds.support": "first contact resolution and tickets per 100 accounts",
        "report.scope.adds.health": "a health score per account and the accounts turning red",
        "report.scope.column": "{kpi} is left out: the {table} table has no {columns} column.",
    },
    "ko": {
        "report.kpi.nrr_monthly": "순매출 유지율(NRR, 월간)",
        "report.kpi.grr_monthly": "총매출 유지율(GRR, 월간)",
        "report.kpi.nrr_12m": "순매출 유지율(12개월 NRR, 재가입 제외)",
        "report.kpi.grr_12m": "총매출 유지율(12개월 GRR, 재가입 제외)",
        "report.scope.partial": (
            "**부분 월.** 데이터가 {month}이 끝나기 전인 {as_of}에 끝납니다. 수치는 {total}일 중 "
            "{days}일만 반영하므로 완결된 월과 비교할 수 없습니다."
        ),
        "report.scope.as_of": (
            "데이터 기준 시점: {as_of}(테이블의 가장 늦은 시각). 가장 최근의 완결된 월은 "
            "{complete}입니다."
        ),
        "report.scope.currency": "금액 단위: {currency}.",
        "report.scope.absent": "*{area}*: {files} 파일을 추가하면 다음을 볼 수 있습니다: {adds}.",
        "report.scope.adds.voice": "고객의 목소리(NPS, CSAT, CES, 의견)",
        "report.scope.adds.usage": "제품 사용(고착도 DAU/MAU, 신규 계정의 첫 로그인)",
        "report.scope.adds.support": "1차 해결률(FCR)과 계정 100개당 티켓 수",
        "report.scope.adds.health": "계정별 헬스 점수와 레드 등급으로 떨어진 계정",
        "report.scope.column": "{kpi}은(는) 제외했습니다: {table} 테이블에 {columns} 열이 없습니다.",
    },
    "ja": {
        "report.kpi.nrr_monthly": "ネット売上維持率（NRR、月次）",
        "report.kpi.grr_monthly": "グロス売上維持率（GRR、月次）",
        "report.kpi.nrr_12m": "ネット売上維持率（12か月NRR、復帰顧客を除く）",
        "report.kpi.grr_12m": "グロス売上維持率（12か月GRR、復帰顧客を除く）",
        "report.scope.partial": (
            "**途中の月です。** データは{month}の終わる前、{as_of}までです。数値は{total}日のうち"
            "{days}日分で、締まった月とは比較できません。"
        ),
        "report.scope.as_of": (
            "データ時点：{as_of}（各テーブルの最新の時刻）。締まった最新の月は{complete}です。"
        ),
        "report.scope.currency": "金額の通貨：{currency}。",
        "report.scope.absent": "*{area}*：{files}を加えると{adds}が分かります。",
        "report.scope.adds.voice": "顧客の声（NPS、CSAT、CES、コメント）",
        "report.scope.adds.usage": "プロダクトの利用状況（定着度 DAU/MAU、新規アカウントの初回ログイン）",
        "report.scope.adds.support": "一次解決率と100アカウントあたりのチケット数",
        "report.scope.adds.health": "アカウントごとのヘルススコアと赤に落ちたアカウント",
        "report.scope.column": "{kpi}は省きました：{table}テーブルに{columns}列がありません。",
    },
    "zh-Hant": {
        "report.kpi.nrr_monthly": "淨收入留存率（NRR，月）",
        "report.kpi.grr_monthly": "總收入留存率（GRR，月）",
        "report.kpi.nrr_12m": "淨收入留存率（12 個月 NRR，不含回流客戶）",
        "report.kpi.grr_12m": "總收入留存率（12 個月 GRR，不含回流客戶）",
        "report.scope.partial": (
            "**未結束的月份。** 資料只到 {as_of}，{month} 尚未結束：數字只涵蓋 {total} 天中的 "
            "{days} 天，不能與完整月份比較。"
        ),
        "report.scope.as_of": "資料截至 {as_of}（各資料表最晚的時間）；最近的完整月份是 {complete}。",
        "report.scope.currency": "金額幣別：{currency}。",
        "report.scope.absent": "*{area}*：加入 {files} 即可看到{adds}。",
        "report.scope.adds.voice": "客戶之聲（NPS、CSAT、CES 與意見）",
        "report.scope.adds.usage": "產品使用情形（黏著度 DAU/MAU、新帳戶的首次登入）",
        "report.scope.adds.health": "每個帳戶的健康分數與轉為紅燈的帳戶",
        "report.scope.adds.support": "首次聯絡解決率與每 100 個帳戶的工單數",
        "report.scope.column": "已略去 {kpi}：{table} 資料表沒有 {columns} 欄位。",
    },
}
