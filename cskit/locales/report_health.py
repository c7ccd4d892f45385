"""Labels of the monthly report's customer-health section."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "report.health.moved": (
            "{n} paying accounts moved to the red health band in {month}; the ten largest "
            "drops:"
        ),
        "report.health.none": "No paying account moved to the red health band in {month}.",
        "report.health.account": "Account",
        "report.health.previous_band": "Band last month",
        "report.health.previous_score": "Score last month",
        "report.health.score": "Score",
        "report.health.change": "Change",
    },
    "ko": {
        "report.health.moved": (
            "{month}에 유료 계정 {n}곳이 레드(위험) 헬스 등급으로 떨어졌습니다. 하락 폭이 큰 10곳:"
        ),
        "report.health.none": "{month}에 레드(위험) 헬스 등급으로 떨어진 유료 계정은 없습니다.",
        "report.health.account": "계정",
        "report.health.previous_band": "지난달 등급",
        "report.health.previous_score": "지난달 점수",
        "report.health.score": "점수",
        "report.health.change": "변화",
    },
    "ja": {
        "report.health.moved": (
            "{month}に有料アカウント{n}社がヘルススコアのレッド（危険）帯に移りました。"
            "下落幅の大きい10社："
        ),
        "report.health.none": "{month}にヘルススコアのレッド（危険）帯に移った有料アカウントはありません。",
        "report.health.account": "アカウント",
        "report.health.previous_band": "先月の帯",
        "report.health.previous_score": "先月のスコア",
        "report.health.score": "スコア",
        "report.health.change": "変化",
    },
    "zh-Hant": {
        "report.health.moved": "{month} 有 {n} 個付費帳戶落入紅色（高風險）健康度區間；跌幅最大的 10 個：",
        "report.health.none": "{month} 沒有付費帳戶落入紅色（高風險）健康度區間。",
        "report.health.account": "帳戶",
        "report.health.previous_band": "上月區間",
        "report.health.previous_score": "上月分數",
        "report.health.score": "分數",
        "report.health.change": "變化",
    },
}
