"""The FCR explainer's view of each rule on its own: tickets each rule removes."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "explain.fcr.why.reopened_all_over_limit": (
            "Here the FCR cannot move: all {reopened} reopened tickets also needed more agent "
            "replies than the limit, so the reply rule leaves them out either way."
        ),
        "explain.fcr.num.over_replies": "Resolved with more agent replies than the limit ({limit})",
        "explain.fcr.num.reopened_yes": "Reopened (left out by the reopen rule)",
        "explain.fcr.num.reopened_no": "Reopened (kept: the reopen rule is off)",
        "explain.fcr.num.reopened_few": (
            "Reopened within the reply limit (only the reopen rule removes them)"
        ),
        "explain.fcr.step.not_reopened_yes": "Not reopened",
        "explain.fcr.step.not_reopened_no": "Reopened kept (rule off)",
    },
    "ko": {
        "explain.fcr.why.reopened_all_over_limit": (
            "여기서는 FCR이 움직일 수 없습니다. 다시 열린 티켓 {reopened}건 모두 답변 한도보다 많은 "
            "상담원 답변이 필요했으므로, 어느 쪽이든 답변 규칙이 제외합니다."
        ),
        "explain.fcr.num.over_replies": "답변 한도({limit}회)를 넘겨 해결",
        "explain.fcr.num.reopened_yes": "다시 열림(재오픈 규칙으로 제외)",
        "explain.fcr.num.reopened_no": "다시 열림(포함: 재오픈 규칙 꺼짐)",
        "explain.fcr.num.reopened_few": "답변 한도 안에서 다시 열림(재오픈 규칙만 제외함)",
        "explain.fcr.step.not_reopened_yes": "다시 열리지 않음",
        "explain.fcr.step.not_reopened_no": "다시 열림 포함(규칙 꺼짐)",
    },
    "ja": {
        "explain.fcr.why.reopened_all_over_limit": (
            "ここではFCRは動きません。再オープンした {reopened} 件のチケットはすべて返信回数の上限を"
            "超える返信が必要だったため、どちらにしても返信の規則が除外します。"
        ),
        "explain.fcr.num.over_replies": "返信回数の上限（{limit}回）を超えて解決",
        "explain.fcr.num.reopened_yes": "再オープン（再オープンの規則で除外）",
        "explain.fcr.num.reopened_no": "再オープン（含む：再オープンの規則はオフ）",
        "explain.fcr.num.reopened_few": "返信回数の上限以内で再オープン（再オープンの規則だけが除外）",
        "explain.fcr.step.not_reopened_yes": "再オープンなし",
        "explain.fcr.step.not_reopened_no": "再オープンを含む（規則オフ）",
    },
    "zh-Hant": {
        "explain.fcr.why.reopened_all_over_limit": (
            "這裡的 FCR 不會變動：{reopened} 張重新開啟的工單都需要超過上限的客服回覆，"
            "所以無論如何回覆規則都會將它們排除。"
        ),
        "explain.fcr.num.over_replies": "客服回覆超過上限（{limit} 次）才解決",
        "explain.fcr.num.reopened_yes": "重新開啟（依重新開啟規則排除）",
        "explain.fcr.num.reopened_no": "重新開啟（保留：重新開啟規則已關閉）",
        "explain.fcr.num.reopened_few": "在回覆次數上限內卻重新開啟（只有重新開啟規則會排除）",
        "explain.fcr.step.not_reopened_yes": "未重新開啟",
        "explain.fcr.step.not_reopened_no": "含重新開啟（規則關閉）",
    },
}
