"""Texts of engineer n3's round (issue 17): the conventions captioned on the
retention, LTV, stickiness and health explainers (one number per KPI), and the
exercises of notebooks 08, 09, 16 and 20 (``training.08-1`` …).

Same keys in every language; placeholders in braces are the same everywhere.
"""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "explain.retention.convention.window": "{window}-month NRR (returns excluded)",
        "explain.retention.convention.monthly": "Monthly NRR (returns excluded)",
        "explain.retention.num.baseline": "NRR of the data ({convention})",
        "explain.retention.hypothetical": "Hypothetical amounts; the data's NRR is {nrr}.",
        "explain.ltv.convention": (
            "Revenue LTV (before gross margin), trailing 12-month mean churn"
        ),
        "explain.ltv.num.baseline": "Revenue LTV of the data (baseline)",
        "explain.ltv.hypothetical": (
            "Hypothetical ({changed} changed); the data's revenue LTV is {ltv}."
        ),
        "explain.stickiness.convention": "DAU / trailing-{window}-day MAU",
        "explain.stickiness.num.mean_mau": "Mean MAU (trailing {window} days)",
        "explain.stickiness.num.calendar": "DAU / calendar-month MAU (comparison)",
        "explain.stickiness.formula_trailing": (
            "DAU/MAU = mean over the month's days of DAU ÷ users active in the {window} days "
            "to that day = {ratio} (mean DAU {dau}, mean MAU {mau})"
        ),
        "explain.health.convention": "Starting weights: cskit's default score (health_score)",
    },
    "ko": {
        "explain.retention.convention.window": "{window}개월 NRR(복귀 고객 제외)",
        "explain.retention.convention.monthly": "월간 NRR(복귀 고객 제외)",
        "explain.retention.num.baseline": "데이터의 NRR({convention})",
        "explain.retention.hypothetical": "가정한 금액입니다. 데이터의 NRR은 {nrr}입니다.",
        "explain.ltv.convention": "매출 LTV(매출총이익률 적용 전), 최근 12개월 평균 이탈률",
        "explain.ltv.num.baseline": "데이터의 매출 LTV(기준)",
        "explain.ltv.hypothetical": "가정({changed} 변경). 데이터의 매출 LTV는 {ltv}입니다.",
        "explain.stickiness.convention": "DAU ÷ 최근 {window}일 MAU",
        "explain.stickiness.num.mean_mau": "평균 MAU(최근 {window}일)",
        "explain.stickiness.num.calendar": "DAU ÷ 달력 월 MAU(비교용)",
        "explain.stickiness.formula_trailing": (
            "DAU/MAU = 그달 각 날짜의 DAU ÷ 그날까지 {window}일간 활성 사용자의 평균 = {ratio}"
            "(평균 DAU {dau}, 평균 MAU {mau})"
        ),
        "explain.health.convention": "시작 가중치: cskit 기본 점수(health_score)",
    },
    "ja": {
        "explain.retention.convention.window": "{window} か月 NRR（復帰顧客を除く）",
        "explain.retention.convention.monthly": "月次 NRR（復帰顧客を除く）",
        "explain.retention.num.baseline": "データの NRR（{convention}）",
        "explain.retention.hypothetical": "仮の金額です。データの NRR は {nrr} です。",
        "explain.ltv.convention": "売上ベースの LTV（粗利率を掛ける前）、直近 12 か月の平均解約率",
        "explain.ltv.num.baseline": "データの売上ベース LTV（基準）",
        "explain.ltv.hypothetical": "仮定（{changed} を変更）。データの売上ベース LTV は {ltv} です。",
        "explain.stickiness.convention": "DAU ÷ 直近 {window} 日の MAU",
        "explain.stickiness.num.mean_mau": "平均 MAU（直近 {window} 日）",
        "explain.stickiness.num.calendar": "DAU ÷ 暦月の MAU（比較用）",
        "explain.stickiness.formula_trailing": (
            "DAU/MAU = その月の各日の DAU ÷ その日までの {window} 日間のアクティブユーザーの平均 = "
            "{ratio}（平均 DAU {dau}、平均 MAU {mau}）"
        ),
        "explain.health.convention": "初期の重み：cskit の既定スコア（health_score）",
    },
    "zh-Hant": {
        "explain.retention.convention.window": "{window} 個月 NRR（排除回流客戶）",
        "explain.retention.convention.monthly": "月 NRR（排除回流客戶）",
        "explain.retention.num.baseline": "資料的 NRR（{convention}）",
        "explain.retention.hypothetical": "假設的金額；資料的 NRR 為 {nrr}。",
        "explain.ltv.convention": "營收 LTV（未乘毛利率），近 12 個月平均流失率",
        "explain.ltv.num.baseline": "資料的營收 LTV（基準）",
        "explain.ltv.hypothetical": "假設（已改變 {changed}）；資料的營收 LTV 為 {ltv}。",
        "explain.stickiness.convention": "DAU ÷ 近 {window} 天 MAU",
        "explain.stickiness.num.mean_mau": "平均 MAU（近 {window} 天）",
        "explain.stickiness.num.calendar": "DAU ÷ 日曆月 MAU（對照）",
        "explain.stickiness.formula_trailing": (
            "DAU/MAU = 當月每天的 DAU ÷ 截至當天 {window} 天內活躍使用者的平均 = {ratio}"
            "（平均 DAU {dau}，平均 MAU {mau}）"
        ),
        "explain.health.convention": "起始權重：cskit 預設分數（health_score）",
    },
}
