"""Sentences of the monthly report on a month's data that are not final yet (cskit.report.incomplete)."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "report.incomplete.end": "the end of the data",
        "report.incomplete.open.one": (
            "{n} of the {total} tickets opened in {month} was still open when the data end "
            "({as_of}): FCR leaves it out, so the month's FCR may still change."
        ),
        "report.incomplete.open.many": (
            "{n} of the {total} tickets opened in {month} were still open when the data end "
            "({as_of}): FCR leaves them out, so the month's FCR may still change."
        ),
        "report.incomplete.no_response.one": (
            "{n} of the {total} tickets opened in {month} had no first response yet: "
            "response times leave it out."
        ),
        "report.incomplete.no_response.many": (
            "{n} of the {total} tickets opened in {month} had no first response yet: "
            "response times leave them out."
        ),
        "report.incomplete.surveys": (
            "Survey answers of {month} cover {days} of its {total} days: NPS, CSAT and CES "
            "may still move."
        ),
    },
    "ko": {
        "report.incomplete.end": "데이터 마지막 시점",
        "report.incomplete.open.one": (
            "{month}에 접수된 티켓 {total}건 중 {n}건은 데이터 마지막 시점({as_of})에 아직 "
            "해결되지 않았습니다. FCR에서 제외되므로 이달의 FCR은 아직 바뀔 수 있습니다."
        ),
        "report.incomplete.open.many": (
            "{month}에 접수된 티켓 {total}건 중 {n}건은 데이터 마지막 시점({as_of})에 아직 "
            "해결되지 않았습니다. FCR에서 제외되므로 이달의 FCR은 아직 바뀔 수 있습니다."
        ),
        "report.incomplete.no_response.one": (
            "{month}에 접수된 티켓 {total}건 중 {n}건은 아직 첫 응답이 없습니다. 응답 시간에서 "
            "제외됩니다."
        ),
        "report.incomplete.no_response.many": (
            "{month}에 접수된 티켓 {total}건 중 {n}건은 아직 첫 응답이 없습니다. 응답 시간에서 "
            "제외됩니다."
        ),
        "report.incomplete.surveys": (
            "{month}의 설문 응답은 {total}일 중 {days}일분입니다. NPS, CSAT, CES는 아직 바뀔 수 "
            "있습니다."
        ),
    },
    "ja": {
        "report.incomplete.end": "データの最終時点",
        "report.incomplete.open.one": (
            "{month}に起票されたチケット{total}件のうち{n}件は、データの最終時点（{as_of}）で"
            "未解決でした。FCRから除外されるため、今月のFCRはまだ変わる可能性があります。"
        ),
        "report.incomplete.open.many": (
            "{month}に起票されたチケット{total}件のうち{n}件は、データの最終時点（{as_of}）で"
            "未解決でした。FCRから除外されるため、今月のFCRはまだ変わる可能性があります。"
        ),
        "report.incomplete.no_response.one": (
            "{month}に起票されたチケット{total}件のうち{n}件は、まだ初回応答がありません。"
            "応答時間から除外されます。"
        ),
        "report.incomplete.no_response.many": (
            "{month}に起票されたチケット{total}件のうち{n}件は、まだ初回応答がありません。"
            "応答時間から除外されます。"
        ),
        "report.incomplete.surveys": (
            "{month}のアンケート回答は{total}日のうち{days}日分です。NPS・CSAT・CESはまだ"
            "変わる可能性があります。"
        ),
    },
    "zh-Hant": {
        "report.incomplete.end": "資料的最後時間點",
        "report.incomplete.open.one": (
            "{month} 建立的 {total} 張工單中，有 {n} 張在資料的最後時間點（{as_of}）仍未解決；"
            "FCR 不計入這些工單，因此本月的 FCR 仍可能改變。"
        ),
        "report.incomplete.open.many": (
            "{month} 建立的 {total} 張工單中，有 {n} 張在資料的最後時間點（{as_of}）仍未解決；"
            "FCR 不計入這些工單，因此本月的 FCR 仍可能改變。"
        ),
        "report.incomplete.no_response.one": (
            "{month} 建立的 {total} 張工單中，有 {n} 張尚未得到首次回覆；回覆時間不計入這些工單。"
        ),
        "report.incomplete.no_response.many": (
            "{month} 建立的 {total} 張工單中，有 {n} 張尚未得到首次回覆；回覆時間不計入這些工單。"
        ),
        "report.incomplete.surveys": (
            "{month} 的問卷回覆只涵蓋 {total} 天中的 {days} 天；NPS、CSAT 與 CES 仍可能改變。"
        ),
    },
}
