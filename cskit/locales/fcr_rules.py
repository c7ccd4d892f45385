"""The FCR explainer's view of each rule on its own: tickets each rule removes."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "explain.fcr.num.over_replies": "Resolved with more than {limit} agent replies",
        "explain.fcr.num.reopened_yes": "Reopened (left out by the reopen rule)",
        "explain.fcr.num.reopened_no": "Reopened (kept: the reopen rule is off)",
        "explain.fcr.num.reopened_few": (
            "Reopened with at most {limit} replies (only the reopen rule removes them)"
        ),
        "explain.fcr.step.not_reopened_yes": "Not reopened",
        "explain.fcr.step.not_reopened_no": "Reopened kept (rule off)",
    },
    "ko": {
        "explain.fcr.num.over_replies": "상담원 답변 {limit}회 초과로 해결",
        "explain.fcr.num.reopened_yes": "다시 열림(재오픈 규칙으로 제외)",
        "explain.fcr.num.reopened_no": "다시 열림(포함: 재오픈 규칙 꺼짐)",
        "explain.fcr.num.reopened_few": "답변 {limit}회 이하로 다시 열림(재오픈 규칙만 제외함)",
        "explain.fcr.step.not_reopened_yes": "다시 열리지 않음",
        "explain.fcr.step.not_reopened_no": "다시 열림 포함(규칙 꺼짐)",
    },
    "ja": {
        "explain.fcr.num.over_replies": "担当者の返信 {limit} 回超で解決",
        "explain.fcr.num.reopened_yes": "再オープン（再オープンの規則で除外）",
        "explain.fcr.num.reopened_no": "再オープン（含む：再オープンの規則はオフ）",
        "explain.fcr.num.reopened_few": "返信 {limit} 回以下で再オープン（再オープンの規則だけが除外）",
        "explain.fcr.step.not_reopened_yes": "再オープンなし",
        "explain.fcr.step.not_reopened_no": "再オープンを含む（規則オフ）",
    },
    "zh-Hant": {
        "explain.fcr.num.over_replies": "客服回覆超過 {limit} 次才解決",
        "explain.fcr.num.reopened_yes": "重新開啟（依重新開啟規則排除）",
        "explain.fcr.num.reopened_no": "重新開啟（保留：重新開啟規則已關閉）",
        "explain.fcr.num.reopened_few": "回覆不超過 {limit} 次卻重新開啟（只有重新開啟規則會排除）",
        "explain.fcr.step.not_reopened_yes": "未重新開啟",
        "explain.fcr.step.not_reopened_no": "含重新開啟（規則關閉）",
    },
}
