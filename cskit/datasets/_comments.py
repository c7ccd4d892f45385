"""Survey comments for the sample company, written for cskit.

Six recurring themes, each with negative and positive sentences in English,
Korean, Japanese and Traditional Chinese, so theme extraction and keyword
counts have something real to find. A comment is one theme sentence,
sometimes followed by a closing remark. :data:`EDGE_CASES` adds the awkward
inputs a text pipeline must survive (emoji only, a very long text with line
breaks, an HTML ``<script>`` tag).
"""

from __future__ import annotations

import numpy as np

THEMES = ("onboarding", "pricing", "support_speed", "reporting", "performance", "integrations")
LANGS = ("en", "ko", "ja", "zh-Hant")
#: Separator before a closing remark (Japanese and Chinese use no spaces).
SEPARATOR = np.array([" ", " ", "", ""], dtype=object)

# TEXT[lang][theme] = (negative sentences, positive sentences); three of each.
TEXT = {
    "en": {
        "onboarding": (
            ["Onboarding took far too long; we needed three calls just to set up our workspace.",
             "The setup guide skips steps, so our team got stuck during onboarding.",
             "Getting new colleagues started is confusing, the onboarding checklist doesn't match the product."],
            ["Onboarding was smooth and our team was up and running in a day.",
             "The onboarding checklist and the welcome call made setup easy.",
             "Great onboarding, the guided tour explained everything we needed."],
        ),
        "pricing": (
            ["Too expensive for a small team, and the price increase was hard to justify.",
             "Per-seat pricing gets expensive fast as we grow.",
             "The new price is too high for what we use; we are looking at cheaper tools."],
            ["Fair price for the value we get.",
             "Worth the price, and the annual plan saves us money.",
             "Good value compared with the tools we used before."],
        ),
        "support_speed": (
            ["Support is slow: we waited two days for a reply to a simple question.",
             "Response times from support have gotten worse and nobody answers the chat.",
             "It took too long to get an answer from support and the ticket was reopened twice."],
            ["Support answered within minutes and solved the problem on the first reply.",
             "Fast, friendly support team. They always get back to us quickly.",
             "Quick support response, really appreciated."],
        ),
        "reporting": (
            ["Reports are hard to customise and the export to Excel loses formatting.",
             "We need more flexible dashboards; building a report takes too many clicks.",
             "The reporting is too basic for our management meetings."],
            ["The dashboards and reports save us hours every week.",
             "Love the reporting, sharing a report with the leadership team is easy.",
             "Reports are clear and the new insights charts are very useful."],
        ),
        "performance": (
            ["The app is slow and dashboards often time out.",
             'Too many bugs lately, the page crashes when we click "Export".',
             "Performance is poor with large accounts, loading takes forever."],
            ["Fast and reliable, we rarely see any bugs.",
             "The product feels quick and stable.",
             "Performance improved a lot after the last update."],
        ),
        "integrations": (
            ["The Salesforce integration keeps breaking and syncing fails.",
             "Missing integrations with our CRM and Slack.",
             "The API is limited and the integration with our data warehouse is unreliable."],
            ["The Slack and CRM integrations work great.",
             "Easy integration with our stack, the API is well documented.",
             "Integrations saved us a lot of manual work."],
        ),
    },
    "ko": {
        "onboarding": (
            ["온보딩이 너무 오래 걸렸어요. 워크스페이스 설정에만 세 번이나 통화했습니다.",
             "설정 가이드에 빠진 단계가 있어서 팀이 온보딩 중에 막혔습니다.",
             "새 팀원을 초대하고 시작하는 과정이 복잡해요."],
            ["온보딩이 매끄러워서 하루 만에 팀 전체가 사용하기 시작했어요.",
             "온보딩 체크리스트와 환영 미팅 덕분에 설정이 쉬웠습니다.",
             "가이드 투어가 친절해서 처음 쓰는 사람도 금방 익숙해졌어요."],
        ),
        "pricing": (
            ["작은 팀에게는 가격이 너무 비싸요. 이번 가격 인상은 납득하기 어렵습니다.",
             "좌석당 요금이라 팀이 커질수록 비용 부담이 커집니다.",
             "사용하는 기능에 비해 가격이 높아서 더 저렴한 도구를 알아보고 있어요."],
            ["가격 대비 만족스럽습니다.",
             "연간 요금제로 바꾸니 비용이 절약돼서 좋아요.",
             "이전에 쓰던 도구보다 가성비가 훨씬 좋습니다."],
        ),
        "support_speed": (
            ["고객지원 답변이 너무 느려요. 간단한 질문에 이틀을 기다렸습니다.",
             "요즘 지원팀 응답 시간이 길어졌고 채팅은 아무도 받지 않아요.",
             "문의 답변을 받기까지 오래 걸렸고 같은 문제로 티켓을 두 번 다시 열었어요."],
            ["지원팀이 몇 분 만에 답변해 주고 첫 답변에서 바로 해결해 줬어요.",
             "고객지원이 빠르고 친절합니다.",
             "문의하면 항상 빠르게 응답해 주셔서 감사합니다."],
        ),
        "reporting": (
            ["리포트를 원하는 대로 수정하기 어렵고 엑셀로 내보내면 서식이 깨져요.",
             "대시보드가 더 유연했으면 좋겠어요. 리포트 하나 만드는 데 클릭이 너무 많습니다.",
             "경영 회의에 쓰기에는 리포트 기능이 너무 기본적이에요."],
            ["대시보드와 리포트 덕분에 매주 몇 시간씩 절약하고 있어요.",
             "리포트를 경영진과 공유하기가 정말 쉬워요.",
             "리포트가 깔끔하고 새 인사이트 차트가 아주 유용합니다."],
        ),
        "performance": (
            ["앱이 느리고 대시보드가 자주 멈춥니다.",
             "최근 버그가 너무 많아요. 내보내기를 하면 페이지가 다운됩니다.",
             "데이터가 많으면 로딩이 너무 오래 걸려요."],
            ["속도가 빠르고 안정적이라 버그를 거의 못 봤어요.",
             "제품이 가볍고 안정적입니다.",
             "지난 업데이트 이후 성능이 많이 좋아졌어요."],
        ),
        "integrations": (
            ["세일즈포스 연동이 자주 끊기고 동기화가 실패해요.",
             "우리가 쓰는 CRM과 슬랙 연동이 없어서 아쉽습니다.",
             "API가 제한적이고 데이터 웨어하우스 연동이 불안정해요."],
            ["슬랙과 CRM 연동이 잘 돼요.",
             "API 문서가 잘 되어 있어서 연동이 쉬웠습니다.",
             "연동 기능 덕분에 수작업이 많이 줄었어요."],
        ),
    },
    "ja": {
        "onboarding": (
            ["オンボーディングに時間がかかりすぎました。ワークスペースの設定だけで3回も電話が必要でした。",
             "設定ガイドに抜けている手順があり、導入の途中でチームが止まってしまいました。",
             "新しいメンバーを招待して使い始めるまでの流れが分かりにくいです。"],
            ["オンボーディングがスムーズで、1日でチーム全員が使い始められました。",
             "導入チェックリストとキックオフの打ち合わせのおかげで設定が簡単でした。",
             "ガイドツアーが丁寧で、初めての人でもすぐに慣れました。"],
        ),
        "pricing": (
            ["小さなチームには料金が高すぎます。今回の値上げは納得できません。",
             "ユーザー数に応じた料金なので、人数が増えるとコストがかさみます。",
             "使っている機能に比べて価格が高く、もっと安いツールを検討しています。"],
            ["価格に見合った価値があります。",
             "年間プランにしてコストを抑えられました。",
             "以前使っていたツールよりコストパフォーマンスが良いです。"],
        ),
        "support_speed": (
            ["サポートの返信が遅いです。簡単な質問に2日も待たされました。",
             "最近サポートの対応が遅くなり、チャットもつながりません。",
             "回答までに時間がかかり、同じ問題でチケットを2回も再オープンしました。"],
            ["サポートが数分で返信してくれて、最初の回答で解決しました。",
             "サポートチームの対応が早くて親切です。",
             "問い合わせへの返信がいつも早くて助かっています。"],
        ),
        "reporting": (
            ["レポートのカスタマイズが難しく、Excelに出力すると書式が崩れます。",
             "ダッシュボードをもっと柔軟にしてほしいです。レポート作成にクリック数が多すぎます。",
             "経営会議で使うにはレポート機能がシンプルすぎます。"],
            ["ダッシュボードとレポートのおかげで毎週何時間も節約できています。",
             "レポートを経営陣と共有するのがとても簡単です。",
             "レポートが見やすく、新しいインサイトのグラフがとても便利です。"],
        ),
        "performance": (
            ["アプリが重く、ダッシュボードがよくタイムアウトします。",
             "最近バグが多く、エクスポートするとページが落ちます。",
             "データが多いと読み込みにとても時間がかかります。"],
            ["動作が速く安定していて、バグはほとんどありません。",
             "軽快で安定したプロダクトです。",
             "前回のアップデートでパフォーマンスがかなり改善しました。"],
        ),
        "integrations": (
            ["Salesforce連携がよく切れて、同期に失敗します。",
             "使っているCRMやSlackとの連携がないのが残念です。",
             "APIの機能が限られていて、データウェアハウスとの連携が不安定です。"],
            ["SlackやCRMとの連携がとても便利です。",
             "APIのドキュメントが分かりやすく、連携が簡単でした。",
             "連携機能のおかげで手作業が大幅に減りました。"],
        ),
    },
    "zh-Hant": {
        "onboarding": (
            ["導入流程太久了，光是設定工作區就打了三次電話。",
             "設定指南少了幾個步驟，團隊在導入時卡住了。",
             "邀請新同事開始使用的流程很複雜。"],
            ["導入過程很順利，一天內整個團隊就開始使用了。",
             "多虧了導入清單和歡迎會議，設定很簡單。",
             "導覽教學很貼心，新手也能很快上手。"],
        ),
        "pricing": (
            ["對小團隊來說價格太貴了，這次漲價很難接受。",
             "按席位計費，團隊越大成本越高。",
             "以我們用到的功能來說價格偏高，正在考慮更便宜的工具。"],
            ["價格合理，物有所值。",
             "改成年繳方案後省了不少錢。",
             "比我們之前用的工具更划算。"],
        ),
        "support_speed": (
            ["客服回覆太慢了，一個簡單的問題等了兩天。",
             "最近客服回應時間變長，線上客服也沒人回。",
             "等了很久才得到回覆，同一個問題的工單重開了兩次。"],
            ["客服幾分鐘內就回覆，第一次回覆就解決了問題。",
             "客服團隊反應快又親切。",
             "每次詢問都很快得到回覆，非常感謝。"],
        ),
        "reporting": (
            ["報表很難自訂，匯出到 Excel 格式會跑掉。",
             "希望儀表板更有彈性，做一份報表要點太多下。",
             "報表功能太基本，不適合在管理會議上使用。"],
            ["儀表板和報表每週幫我們省下好幾個小時。",
             "和主管分享報表非常方便。",
             "報表清楚易懂，新的洞察圖表非常實用。"],
        ),
        "performance": (
            ["系統很慢，儀表板常常逾時。",
             "最近 bug 太多了，匯出時頁面會當掉。",
             "資料量大時載入要等很久。"],
            ["速度快又穩定，幾乎沒遇過 bug。",
             "產品輕快又穩定。",
             "上次更新後效能改善很多。"],
        ),
        "integrations": (
            ["Salesforce 整合常常斷線，同步失敗。",
             "缺少和我們的 CRM 與 Slack 的整合。",
             "API 功能有限，和資料倉儲的整合不穩定。"],
            ["Slack 和 CRM 的整合很好用。",
             "API 文件寫得很清楚，整合很容易。",
             "整合功能幫我們省下很多人工作業。"],
        ),
    },
}

# CLOSERS[lang] = (negative remarks, positive remarks).
CLOSERS = {
    "en": (["Please fix this soon.", "We are considering other options.", "Disappointed so far."],
           ["Keep up the good work!", "Highly recommend.", "Thanks to the team!"]),
    "ko": (["빨리 개선해 주세요.", "다른 서비스를 검토하고 있습니다.", "지금까지는 실망스럽네요."],
           ["앞으로도 잘 부탁드립니다!", "주변에도 추천하고 있어요.", "팀 여러분 감사합니다!"]),
    "ja": (["早急に改善をお願いします。", "他のサービスへの乗り換えを検討中です。", "今のところ残念です。"],
           ["これからも期待しています！", "周りにも勧めています。", "チームの皆さんに感謝します！"]),
    "zh-Hant": (["請盡快改善。", "我們正在考慮其他方案。", "目前為止很失望。"],
                ["繼續加油！", "已經推薦給朋友了。", "謝謝團隊！"]),
}

N_VARIANTS = 3
#: Flat lookup: index ((lang * 6 + theme) * 2 + positive) * 3 + variant.
SENTENCES = np.array(
    [s for lang in LANGS for theme in THEMES for pol in (0, 1) for s in TEXT[lang][theme][pol]],
    dtype=object,
)
#: Flat lookup: index (lang * 2 + positive) * 3 + variant.
CLOSING = np.array([s for lang in LANGS for pol in (0, 1) for s in CLOSERS[lang][pol]], dtype=object)

EMOJI_ONLY = ["👍", "🙏🙏", "😡", "🔥🔥🔥", "💯"]
SCRIPT = "Nice dashboards, but <script>alert(1)</script> shows up in our report titles."


def long_comment() -> str:
    """A very long English comment with paragraphs (about 2,500 characters)."""
    paragraphs = [
        " ".join(TEXT["en"][theme][0]) + " " + " ".join(TEXT["en"][theme][1][:1])
        for theme in THEMES
    ]
    intro = ("We have used the product for more than a year across three teams, so here is "
             "detailed feedback, theme by theme, in the hope that it helps the roadmap.")
    outro = " ".join(CLOSERS["en"][0]) + " That said, the reporting is still the reason we stay."
    return "\n\n".join([intro, *paragraphs, outro])
