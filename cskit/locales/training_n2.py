"""Exercises of the survey and support notebooks (05, 06, 11, 12, 13, 21, 22).

Question (``.q``), hint after a wrong answer (``.h``), explanation after a right one
(``.e``), and why each trap is not the answer asked for (``.trap.<name>``).
"""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # 05 NPS
        "training.05-1.q": (
            "100 answers: 45 promoters, 40 passives, 15 detractors. What is the NPS, in points?"
        ),
        "training.05-1.h": "% promoters − % detractors; passives stay in the denominator.",
        "training.05-1.e": "45 % − 15 % = 30 points. Passives count only in the denominator.",
        "training.05-1.trap.no_passives": (
            "that leaves the passives out of the denominator; they are answers too."
        ),
        "training.05-2.q": "And the standard error of that NPS, in points?",
        "training.05-2.h": (
            "Per answer, var = p + d − (p − d)² with p and d as fractions; SE = √(var ÷ n), "
            "× 100 for points."
        ),
        "training.05-2.e": (
            "var = 0.45 + 0.15 − 0.30² = 0.51; SE = √(0.51 ÷ 100) × 100 ≈ 7.1 points: a 95 % "
            "interval of about ±14 points from 100 answers."
        ),
        "training.05-2.trap.no_square": "that forgets the − (p − d)² term of the variance.",
        "training.05-3.q": (
            "What is the NPS of the last complete quarter of this data (all its answers "
            "pooled)? Answer to two decimals."
        ),
        "training.05-3.h": (
            "A quarter is complete when all three of its months are complete in the data. Pool "
            "the quarter's answers (period=\"Q\") instead of averaging months."
        ),
        "training.05-3.e": (
            "Pooling counts each answer once, so a month with few answers does not weigh as "
            "much as a busy one."
        ),
        "training.05-3.trap.mean_of_months": (
            "that is the mean of the three monthly NPS values: months with few answers weigh "
            "as much as busy ones."
        ),
        "training.05-3.trap.partial_quarter": (
            "that is the latest quarter, which the data covers only in part."
        ),
        "training.05-4.q": (
            "NPS went from 32 to 36; the 95 % interval of the change is −6 to +14 points. What "
            "do you report? a) NPS improved by 4 points; b) no significant change, the move is "
            "within the noise; c) NPS improved by up to 14 points."
        ),
        "training.05-4.h": "Does the interval of the change contain 0?",
        "training.05-4.e": (
            "The interval contains 0: report no significant change and watch the next months."
        ),
        # 06 CSAT
        "training.06-1.q": (
            "A 1–7 survey with answers 7, 7, 6, 6, 6, 6, 6, 5, 3, 1 and the satisfied band "
            "6–7. What is the CSAT, as a fraction?"
        ),
        "training.06-1.h": "Count only the answers inside the band, then divide by all answers.",
        "training.06-1.e": (
            "7 of the 10 answers are 6 or 7: 0.7 (csat(scale=(1, 7), satisfied=(6, 7)))."
        ),
        "training.06-1.trap.four_up": (
            "that counts 4 and up as satisfied, the habit of a 1–5 scale; here the band is 6–7."
        ),
        "training.06-2.q": (
            "0 of 5 answers are satisfied. What is the upper end of the 95 % Wilson interval?"
        ),
        "training.06-2.h": (
            "Wilson's interval does not shrink to a point at 0 %: use its formula with p = 0 "
            "and z = 1.96."
        ),
        "training.06-2.e": (
            "z² ÷ (n + z²) = 3.84 ÷ 8.84 ≈ 0.43: five answers leave the CSAT anywhere from 0 "
            "to 43 %."
        ),
        "training.06-2.trap.wald": (
            "that is the Wald interval, which shrinks to 0–0 at 0 % as if we were certain."
        ),
        "training.06-3.q": (
            "What is the CSAT of the last complete quarter of this data (all its answers "
            "pooled), as a fraction?"
        ),
        "training.06-3.h": (
            "A quarter is complete when all three of its months are complete in the data. Pool "
            "the quarter's answers (period=\"Q\") instead of averaging months."
        ),
        "training.06-3.e": (
            "Pooling counts each answer once, so a month with few answers does not weigh as "
            "much as a busy one."
        ),
        "training.06-3.trap.mean_of_months": (
            "that is the mean of the three monthly CSAT values: months with few answers weigh "
            "as much as busy ones."
        ),
        "training.06-3.trap.partial_quarter": (
            "that is the latest quarter, which the data covers only in part."
        ),
        "training.06-4.q": (
            "Team A: 6 answers, all satisfied (100 %). Team B: 300 answers, 85 % satisfied. "
            "Which is right? a) A is better; b) B is better; c) the data cannot tell them apart."
        ),
        "training.06-4.h": "Work out team A's Wilson interval before comparing.",
        "training.06-4.e": "A's 95 % interval is about 61 %–100 %: it contains B's 85 %.",
        # 11 qualitative feedback
        "training.11-1.q": (
            "What share of the detractors' NPS comments (up to the latest complete month) "
            "complain about price, in any of the four languages? Use the pricing theme of "
            "cskit.text.CS_THEMES."
        ),
        "training.11-1.h": (
            "Count comments, not words, and include the comments in Korean, Japanese and "
            "Chinese: themes(..., lexicon=...)."
        ),
        "training.11-1.e": (
            "The lexicon finds price complaints in every language; the English word alone "
            "misses the comments written in Korean, Japanese or Chinese."
        ),
        "training.11-1.trap.english_only": (
            "that counts the English word \"price\" only and misses the comments in Korean, "
            "Japanese and Chinese."
        ),
        "training.11-2.q": (
            "Why does cskit count a term once per comment? a) it is faster; b) so that one long "
            "comment repeating a word cannot outvote ten short ones; c) because Japanese has no "
            "spaces."
        ),
        "training.11-2.h": "Think of one customer who writes \"slow\" ten times.",
        "training.11-2.e": "A theme's share is a share of comments: each comment votes once.",
        "training.11-3.q": (
            "Of 20 detractor comments, one says \"slow\" three times and nine others say it "
            "once. What share of the comments is about slowness?"
        ),
        "training.11-3.h": "Each comment counts once, however often it repeats a word.",
        "training.11-3.e": "10 of the 20 comments mention it: 0.5.",
        "training.11-3.trap.mentions": "that counts mentions (12), not comments.",
        # 12 FCR
        "training.12-1.q": (
            "Five tickets: resolved with 1, 1 and 3 agent replies, one resolved with 1 reply "
            "but reopened the next day, and one still open. What is the FCR with cskit's "
            "defaults?"
        ),
        "training.12-1.h": (
            "Which tickets are in the default denominator, and which of them pass both the "
            "reply test and the reopen test?"
        ),
        "training.12-1.e": (
            "2 of the 4 resolved tickets qualify: 0.5. The open ticket is counted as "
            "unresolved, not in the denominator."
        ),
        "training.12-1.trap.open_counted": (
            "that puts the open ticket in the denominator; the default divides by resolved "
            "tickets."
        ),
        "training.12-1.trap.reopen_ignored": (
            "that counts the reopened ticket as solved at the first contact."
        ),
        "training.12-2.q": (
            "On some data, turning the reopen rule off (reopen_window_days=None) does not change "
            "the FCR at all. Why? a) no ticket was ever reopened; b) every reopened ticket also "
            "had more than one agent reply, so the reply rule already left it out; c) reopened "
            "tickets are left out of the denominator."
        ),
        "training.12-2.h": "Does any ticket fail the reopen rule alone?",
        "training.12-2.e": (
            "A rule moves the FCR only through the tickets that fail it alone; the FCR "
            "explainer counts them (reopened with few replies)."
        ),
        "training.12-3.q": (
            "What is the FCR of the last twelve months of this data (up to the latest complete "
            "month) out of all tickets, spam included?"
        ),
        "training.12-3.h": "Two parameters change: the denominator and the excluded categories.",
        "training.12-3.e": (
            "Open tickets and spam now sit in the denominator: this FCR is lower and not "
            "comparable with the default."
        ),
        "training.12-3.trap.default": (
            "that is the default definition (resolved tickets, spam left out)."
        ),
        "training.12-3.trap.spam_out": "that divides by all tickets but still leaves spam out.",
        # 13 CES
        "training.13-1.q": (
            "Answers 7, 5, 5, 4, 2, 1 on the usual 1–7 agreement scale: what is the agree share?"
        ),
        "training.13-1.h": "The easy band of a 1–7 agreement scale starts above its midpoint.",
        "training.13-1.e": "7, 5 and 5 are in 5–7: 3 of 6 = 0.5. A 4 is the neutral midpoint.",
        "training.13-1.trap.four_up": "that counts the neutral midpoint 4 as agreeing.",
        "training.13-2.q": (
            "On a survey where 1 means very easy, someone answers 3. What is the answer after "
            "inverted=True?"
        ),
        "training.13-2.h": (
            "Inverting flips the scale end to end, keeping the distance from each end."
        ),
        "training.13-2.e": "1 + 7 − 3 = 5: fairly easy, now on the side where higher is easier.",
        "training.13-2.trap.not_inverted": (
            "that is the answer as given; inverted=True moves it to the other side of the scale."
        ),
        "training.13-3.q": (
            "The surveys table has no column saying which touchpoint asked (onboarding or "
            "support). What do you report? a) one CES for onboarding and one for support, "
            "guessed from the dates; b) one pooled CES, labelled as pooled, and ask for a "
            "touchpoint column; c) no CES at all."
        ),
        "training.13-3.h": "Can the data tell onboarding answers from support answers?",
        "training.13-3.e": (
            "Without a touchpoint column any split is a guess: report the pooled CES as pooled, "
            "add the column to the survey export, then split with by=."
        ),
        # 21 ticket volume
        "training.21-1.q": (
            "45 tickets in a month with 300 paying accounts: how many tickets per 100 accounts?"
        ),
        "training.21-1.h": "Tickets ÷ accounts, then scaled to 100 accounts.",
        "training.21-1.e": "45 ÷ 300 × 100 = 15 tickets per 100 accounts.",
        "training.21-1.trap.per_account": (
            "that is tickets per account; the rate is per 100 accounts."
        ),
        "training.21-2.q": (
            "In a year the ticket count doubled and so did the number of paying accounts. What "
            "happened to the support load per customer? a) it doubled; b) it did not change; "
            "c) it halved."
        ),
        "training.21-2.h": "Compare the rate per 100 accounts at both ends of the year.",
        "training.21-2.e": (
            "Twice the tickets from twice the accounts is the same rate: growth, not trouble."
        ),
        "training.21-3.q": (
            "In this data, compare the latest complete month with the same month a year "
            "earlier (or the first month of the data): a) the ticket count and the rate per "
            "100 paying accounts both rose; b) the count rose but the rate did not; c) the "
            "count did not rise. Which is it?"
        ),
        "training.21-3.h": (
            "Read the tickets and per_100_accounts columns of "
            "ticket_volume(active=company.mrr) at the two months."
        ),
        "training.21-3.e": (
            "Say which of the two moved before calling a rise trouble: a count that grows with "
            "the customer base is growth; a rising rate is more load per customer."
        ),
        # 22 response time
        "training.22-1.q": (
            "Five tickets answered after 1, 2, 3, 4 and 40 hours: what is the median first "
            "response time, in hours?"
        ),
        "training.22-1.h": "Sort the times and take the middle one.",
        "training.22-1.e": "3 h. One slow ticket pulls the mean up to 10 h; the median resists.",
        "training.22-1.trap.mean": "that is the mean; one slow ticket pulls it up.",
        "training.22-2.q": (
            "A ticket created on Monday at 16:00 and answered on Tuesday at 11:00, with "
            "business hours 09:00–18:00 on weekdays: how many business hours did it wait?"
        ),
        "training.22-2.h": "Count only the time inside 09:00–18:00 on each day.",
        "training.22-2.e": (
            "16:00–18:00 on Monday and 09:00–11:00 on Tuesday: 4 business hours, against 19 "
            "calendar hours."
        ),
        "training.22-2.trap.calendar": (
            "that is calendar hours; the night is outside business hours."
        ),
        "training.22-3.q": (
            "The mean first response time doubled from one month to the next while the median "
            "stayed the same. What happened? a) every ticket waited twice as long; b) a few "
            "tickets waited much longer (the tail grew); c) the team answered faster."
        ),
        "training.22-3.h": "Which of the two statistics does a handful of very slow tickets move?",
        "training.22-3.e": (
            "The typical ticket waited as long as before; a few very slow tickets pulled the "
            "mean up. Look at the 90th percentile and at those tickets."
        ),
    },
    "ko": {
        "training.05-1.q": (
            "응답 100건: 추천 고객 45명, 중립 고객 40명, 비추천 고객 15명. NPS는 몇 점인가요?"
        ),
        "training.05-1.h": "추천 고객 % − 비추천 고객 %. 중립 고객도 분모에 남습니다.",
        "training.05-1.e": "45% − 15% = 30점. 중립 고객은 분모에만 들어갑니다.",
        "training.05-1.trap.no_passives": (
            "중립 고객을 분모에서 뺀 값입니다. 중립 고객도 응답입니다."
        ),
        "training.05-2.q": "그 NPS의 표준오차는 몇 점인가요?",
        "training.05-2.h": (
            "응답 하나의 분산 = p + d − (p − d)² (p, d는 비율), SE = √(분산 ÷ n), 점수로는 × 100."
        ),
        "training.05-2.e": (
            "분산 = 0.45 + 0.15 − 0.30² = 0.51, SE = √(0.51 ÷ 100) × 100 ≈ 7.1점. 응답 100건이면 "
            "95% 구간은 약 ±14점입니다."
        ),
        "training.05-2.trap.no_square": "분산의 − (p − d)² 항을 빠뜨린 값입니다.",
        "training.05-3.q": (
            "이 데이터에서 마지막으로 완결된 분기의 NPS는(분기의 모든 응답을 합쳐서)? 소수 둘째 "
            "자리까지 답하세요."
        ),
        "training.05-3.h": (
            "세 달이 모두 완결된 분기가 완결된 분기입니다. 월별 값을 평균하지 말고 분기의 응답을 "
            "합치세요(period=\"Q\")."
        ),
        "training.05-3.e": (
            "응답을 합치면 응답 하나하나가 한 번씩 세어져, 응답이 적은 달이 바쁜 달만큼 무게를 "
            "갖지 않습니다."
        ),
        "training.05-3.trap.mean_of_months": (
            "세 달의 월별 NPS를 평균한 값입니다. 응답이 적은 달이 바쁜 달과 같은 무게를 갖습니다."
        ),
        "training.05-3.trap.partial_quarter": (
            "데이터가 일부만 담고 있는 최근 분기의 값입니다."
        ),
        "training.05-4.q": (
            "NPS가 32에서 36이 되었고, 변화의 95% 구간은 −6 ~ +14점입니다. 무엇이라고 보고하나요? "
            "a) NPS가 4점 올랐다 b) 유의한 변화 없음: 잡음 범위 안의 움직임 c) NPS가 최대 14점 "
            "올랐다"
        ),
        "training.05-4.h": "변화의 구간에 0이 들어 있나요?",
        "training.05-4.e": "구간에 0이 들어 있으므로 유의한 변화 없음으로 보고하고 다음 달을 지켜봅니다.",
        "training.06-1.q": (
            "1–7 척도 설문의 응답이 7, 7, 6, 6, 6, 6, 6, 5, 3, 1이고 만족 구간이 6–7입니다. "
            "CSAT(비율)는?"
        ),
        "training.06-1.h": "구간 안의 응답만 세고, 전체 응답 수로 나누세요.",
        "training.06-1.e": (
            "응답 10건 중 7건이 6 또는 7: 0.7 (csat(scale=(1, 7), satisfied=(6, 7)))."
        ),
        "training.06-1.trap.four_up": (
            "4 이상을 만족으로 센 값입니다(1–5 척도의 습관). 여기서는 만족 구간이 6–7입니다."
        ),
        "training.06-2.q": "응답 5건 중 만족 0건. 95% 윌슨 구간의 상한은?",
        "training.06-2.h": "윌슨 구간은 0%에서 한 점으로 줄어들지 않습니다. p = 0, z = 1.96으로 공식을 쓰세요.",
        "training.06-2.e": (
            "z² ÷ (n + z²) = 3.84 ÷ 8.84 ≈ 0.43: 응답 5건으로는 CSAT가 0~43% 어디든 될 수 있습니다."
        ),
        "training.06-2.trap.wald": (
            "왈드 구간의 값입니다. 0%에서 0–0으로 줄어들어 마치 확실한 것처럼 보입니다."
        ),
        "training.06-3.q": (
            "이 데이터에서 마지막으로 완결된 분기의 CSAT(분기의 모든 응답을 합쳐서, 비율)는?"
        ),
        "training.06-3.h": (
            "세 달이 모두 완결된 분기가 완결된 분기입니다. 월별 값을 평균하지 말고 분기의 응답을 "
            "합치세요(period=\"Q\")."
        ),
        "training.06-3.e": (
            "응답을 합치면 응답 하나하나가 한 번씩 세어져, 응답이 적은 달이 바쁜 달만큼 무게를 "
            "갖지 않습니다."
        ),
        "training.06-3.trap.mean_of_months": (
            "세 달의 월별 CSAT를 평균한 값입니다. 응답이 적은 달이 바쁜 달과 같은 무게를 갖습니다."
        ),
        "training.06-3.trap.partial_quarter": (
            "데이터가 일부만 담고 있는 최근 분기의 값입니다."
        ),
        "training.06-4.q": (
            "A팀: 응답 6건, 모두 만족(100%). B팀: 응답 300건, 85% 만족. 어느 것이 맞나요? "
            "a) A팀이 낫다 b) B팀이 낫다 c) 이 데이터로는 구별할 수 없다"
        ),
        "training.06-4.h": "비교하기 전에 A팀의 윌슨 구간을 구해 보세요.",
        "training.06-4.e": "A팀의 95% 구간은 약 61%~100%로, B팀의 85%를 포함합니다.",
        "training.11-1.q": (
            "비추천 고객의 NPS 의견(최근 완결된 달까지) 중 가격에 대한 불만은 네 언어를 통틀어 "
            "몇 %(비율)인가요? cskit.text.CS_THEMES의 pricing 주제를 쓰세요."
        ),
        "training.11-1.h": (
            "단어가 아니라 의견 수를 세고, 한국어·일본어·중국어 의견도 포함하세요: "
            "themes(..., lexicon=...)."
        ),
        "training.11-1.e": (
            "사전은 모든 언어에서 가격 불만을 찾습니다. 영어 단어만 세면 한국어·일본어·중국어로 "
            "쓴 의견을 놓칩니다."
        ),
        "training.11-1.trap.english_only": (
            "영어 단어 \"price\"만 센 값이라 한국어·일본어·중국어 의견을 놓칩니다."
        ),
        "training.11-2.q": (
            "cskit은 왜 한 의견에서 용어를 한 번만 세나요? a) 더 빨라서 b) 한 단어를 반복하는 긴 "
            "의견 하나가 짧은 의견 열 개를 이기지 못하도록 c) 일본어에는 띄어쓰기가 없어서"
        ),
        "training.11-2.h": "\"느리다\"를 열 번 쓴 고객 한 명을 생각해 보세요.",
        "training.11-2.e": "주제의 비율은 의견의 비율입니다. 의견 하나가 한 표입니다.",
        "training.11-3.q": (
            "비추천 의견 20건 중 하나는 \"느리다\"를 세 번, 다른 아홉 건은 한 번씩 씁니다. 느리다는 "
            "의견의 비율은?"
        ),
        "training.11-3.h": "단어를 몇 번 반복하든 의견 하나는 한 번만 셉니다.",
        "training.11-3.e": "20건 중 10건이 언급합니다: 0.5.",
        "training.11-3.trap.mentions": "의견이 아니라 언급 횟수(12)를 센 값입니다.",
        "training.12-1.q": (
            "티켓 5건: 상담원 답변 1, 1, 3회로 해결된 티켓, 답변 1회로 해결됐지만 다음 날 다시 "
            "열린 티켓, 아직 열려 있는 티켓. cskit 기본값으로 FCR은?"
        ),
        "training.12-1.h": (
            "기본 분모에 들어가는 티켓은 무엇이고, 그중 답변 조건과 재오픈 조건을 모두 통과하는 "
            "티켓은?"
        ),
        "training.12-1.e": (
            "해결된 티켓 4건 중 2건이 해당: 0.5. 열린 티켓은 분모가 아니라 미해결로 셉니다."
        ),
        "training.12-1.trap.open_counted": (
            "열린 티켓을 분모에 넣은 값입니다. 기본값은 해결된 티켓으로 나눕니다."
        ),
        "training.12-1.trap.reopen_ignored": "다시 열린 티켓을 1차 해결로 센 값입니다.",
        "training.12-2.q": (
            "어떤 데이터에서는 재오픈 규칙을 꺼도(reopen_window_days=None) FCR이 전혀 변하지 "
            "않습니다. 왜일까요? a) 다시 열린 티켓이 하나도 없어서 b) 다시 열린 티켓마다 상담원 "
            "답변도 2회 이상이라 답변 규칙이 이미 제외해서 c) 다시 열린 티켓은 분모에서 빠져서"
        ),
        "training.12-2.h": "재오픈 규칙에만 걸리는 티켓이 있나요?",
        "training.12-2.e": (
            "규칙은 그 규칙에만 걸리는 티켓을 통해서만 FCR을 움직입니다. FCR 설명 도구가 그 수"
            "(답변이 적은데 다시 열린 티켓)를 보여 줍니다."
        ),
        "training.12-3.q": (
            "이 데이터의 최근 12개월(최근 완결된 달까지) FCR을 스팸을 포함한 전체 티켓으로 "
            "나누면?"
        ),
        "training.12-3.h": "두 파라미터가 바뀝니다: 분모와 제외 카테고리.",
        "training.12-3.e": (
            "열린 티켓과 스팸이 분모에 들어가므로 이 FCR은 더 낮고 기본값과 비교할 수 없습니다."
        ),
        "training.12-3.trap.default": "기본 정의(해결된 티켓, 스팸 제외)의 값입니다.",
        "training.12-3.trap.spam_out": "전체 티켓으로 나눴지만 스팸은 여전히 뺀 값입니다.",
        "training.13-1.q": "일반적인 1–7 동의 척도의 응답 7, 5, 5, 4, 2, 1: 동의 비율은?",
        "training.13-1.h": "1–7 동의 척도에서 쉬움 구간은 중간값 위에서 시작합니다.",
        "training.13-1.e": "7, 5, 5가 5–7에 듭니다: 6건 중 3건 = 0.5. 4는 중립인 중간값입니다.",
        "training.13-1.trap.four_up": "중립인 중간값 4를 동의로 센 값입니다.",
        "training.13-2.q": (
            "1이 아주 쉬움인 설문에서 누군가 3이라고 답했습니다. inverted=True 뒤의 값은?"
        ),
        "training.13-2.h": "뒤집기는 척도의 양 끝을 바꾸고, 각 끝에서의 거리를 유지합니다.",
        "training.13-2.e": "1 + 7 − 3 = 5: 꽤 쉬움이고, 이제 높을수록 쉬운 쪽에 있습니다.",
        "training.13-2.trap.not_inverted": (
            "응답 그대로의 값입니다. inverted=True는 척도의 반대쪽으로 옮깁니다."
        ),
        "training.13-3.q": (
            "surveys 테이블에 어느 접점(온보딩 또는 지원)에서 물었는지 알려 주는 열이 없습니다. "
            "무엇을 보고하나요? a) 날짜로 짐작해 온보딩 CES와 지원 CES를 따로 b) 합친 CES 하나를 "
            "합친 값이라고 밝히고 접점 열을 요청 c) CES를 보고하지 않음"
        ),
        "training.13-3.h": "이 데이터로 온보딩 응답과 지원 응답을 구별할 수 있나요?",
        "training.13-3.e": (
            "접점 열이 없으면 어떤 분리도 짐작일 뿐입니다. 합친 CES를 합친 값으로 보고하고, 설문 "
            "내보내기에 열을 추가한 뒤 by=로 나누세요."
        ),
        "training.21-1.q": "유료 계정 300개인 달에 티켓 45건: 계정 100개당 티켓 수는?",
        "training.21-1.h": "티켓 ÷ 계정, 그다음 계정 100개 기준으로 환산하세요.",
        "training.21-1.e": "45 ÷ 300 × 100 = 계정 100개당 티켓 15건.",
        "training.21-1.trap.per_account": "계정 1개당 티켓 수입니다. 비율은 계정 100개당입니다.",
        "training.21-2.q": (
            "1년 동안 티켓 수가 두 배가 되었고 유료 계정 수도 두 배가 되었습니다. 고객 한 명당 "
            "지원 부담은? a) 두 배가 됐다 b) 변하지 않았다 c) 절반이 됐다"
        ),
        "training.21-2.h": "1년의 처음과 끝에서 계정 100개당 비율을 비교하세요.",
        "training.21-2.e": "계정이 두 배일 때 티켓도 두 배면 비율은 같습니다: 문제가 아니라 성장입니다.",
        "training.21-3.q": (
            "이 데이터에서 최근 완결된 달을 1년 전 같은 달(또는 데이터의 첫 달)과 비교하면? "
            "a) 티켓 수와 유료 계정 100개당 비율이 모두 올랐다 b) 티켓 수는 올랐지만 비율은 오르지 "
            "않았다 c) 티켓 수가 오르지 않았다"
        ),
        "training.21-3.h": (
            "ticket_volume(active=company.mrr)의 tickets와 per_100_accounts 열을 두 달에서 "
            "읽으세요."
        ),
        "training.21-3.e": (
            "증가를 문제라고 부르기 전에 둘 중 무엇이 움직였는지 말하세요. 고객 수와 함께 느는 "
            "티켓 수는 성장이고, 오르는 비율은 고객 한 명당 부담 증가입니다."
        ),
        "training.22-1.q": "티켓 5건이 1, 2, 3, 4, 40시간 뒤에 첫 응답을 받았습니다. 첫 응답 시간의 중앙값(시간)은?",
        "training.22-1.h": "시간을 정렬하고 가운데 값을 고르세요.",
        "training.22-1.e": "3시간. 느린 티켓 하나가 평균을 10시간으로 끌어올리지만 중앙값은 버팁니다.",
        "training.22-1.trap.mean": "평균입니다. 느린 티켓 하나가 평균을 끌어올립니다.",
        "training.22-2.q": (
            "월요일 16:00에 생성되어 화요일 11:00에 응답한 티켓, 업무 시간은 평일 09:00–18:00: "
            "업무 시간으로 몇 시간 기다렸나요?"
        ),
        "training.22-2.h": "매일 09:00–18:00 안의 시간만 세세요.",
        "training.22-2.e": (
            "월요일 16:00–18:00과 화요일 09:00–11:00: 업무 시간 4시간(달력 시간으로는 19시간)."
        ),
        "training.22-2.trap.calendar": "달력 시간입니다. 밤은 업무 시간 밖입니다.",
        "training.22-3.q": (
            "한 달 사이 첫 응답 시간의 평균은 두 배가 되었는데 중앙값은 그대로입니다. 무슨 일이 "
            "있었나요? a) 모든 티켓이 두 배 오래 기다렸다 b) 일부 티켓이 훨씬 오래 기다렸다(꼬리가 "
            "길어졌다) c) 팀이 더 빨리 답했다"
        ),
        "training.22-3.h": "아주 느린 티켓 몇 건이 움직이는 통계는 둘 중 어느 것인가요?",
        "training.22-3.e": (
            "보통의 티켓은 전과 같이 기다렸고, 아주 느린 티켓 몇 건이 평균을 끌어올렸습니다. "
            "90번째 백분위수와 그 티켓들을 보세요."
        ),
    },
    "ja": {
        "training.05-1.q": (
            "回答100件：推奨者45人、中立者40人、批判者15人。NPSは何ポイントですか。"
        ),
        "training.05-1.h": "推奨者の％ − 批判者の％。中立者も分母に残ります。",
        "training.05-1.e": "45％ − 15％ = 30ポイント。中立者は分母にだけ入ります。",
        "training.05-1.trap.no_passives": "中立者を分母から外した値です。中立者も回答です。",
        "training.05-2.q": "そのNPSの標準誤差は何ポイントですか。",
        "training.05-2.h": (
            "回答1件の分散 = p + d − (p − d)²（p、dは割合）、SE = √(分散 ÷ n)、ポイントにするには × 100。"
        ),
        "training.05-2.e": (
            "分散 = 0.45 + 0.15 − 0.30² = 0.51、SE = √(0.51 ÷ 100) × 100 ≈ 7.1ポイント。回答100件の"
            "95％区間は約±14ポイントです。"
        ),
        "training.05-2.trap.no_square": "分散の − (p − d)² の項を忘れた値です。",
        "training.05-3.q": (
            "このデータで最後に完結した四半期のNPS（四半期の回答をすべて合わせて）は？"
            "小数第2位まで答えてください。"
        ),
        "training.05-3.h": (
            "3か月すべてが完結している四半期が完結した四半期です。月の値を平均せず、四半期の回答を"
            "合わせます（period=\"Q\"）。"
        ),
        "training.05-3.e": (
            "回答を合わせると1件ずつ一度だけ数えられ、回答の少ない月が多い月と同じ重みを持ちません。"
        ),
        "training.05-3.trap.mean_of_months": (
            "3か月の月次NPSの平均です。回答の少ない月が多い月と同じ重みを持ちます。"
        ),
        "training.05-3.trap.partial_quarter": "データが一部しか含まない直近の四半期の値です。",
        "training.05-4.q": (
            "NPSが32から36になり、変化の95％区間は −6〜+14ポイントです。何と報告しますか。"
            "a) NPSが4ポイント改善した　b) 有意な変化なし：ノイズの範囲内の動き　"
            "c) NPSが最大14ポイント改善した"
        ),
        "training.05-4.h": "変化の区間に0は含まれますか。",
        "training.05-4.e": "区間が0を含むので、有意な変化なしと報告し、翌月以降を見守ります。",
        "training.06-1.q": (
            "1〜7段階の調査で回答が7、7、6、6、6、6、6、5、3、1、満足の範囲が6〜7です。"
            "CSAT（割合）は？"
        ),
        "training.06-1.h": "範囲内の回答だけを数え、全回答数で割ります。",
        "training.06-1.e": "10件中7件が6か7：0.7（csat(scale=(1, 7), satisfied=(6, 7))）。",
        "training.06-1.trap.four_up": (
            "4以上を満足と数えた値です（1〜5段階の癖）。ここでは満足の範囲は6〜7です。"
        ),
        "training.06-2.q": "回答5件のうち満足0件。95％ウィルソン区間の上限は？",
        "training.06-2.h": "ウィルソン区間は0％で一点に縮みません。p = 0、z = 1.96で式を使います。",
        "training.06-2.e": (
            "z² ÷ (n + z²) = 3.84 ÷ 8.84 ≈ 0.43：回答5件ではCSATは0〜43％のどこでもありえます。"
        ),
        "training.06-2.trap.wald": (
            "ワルド区間の値です。0％で0〜0に縮み、確実であるかのように見えます。"
        ),
        "training.06-3.q": (
            "このデータで最後に完結した四半期のCSAT（四半期の回答をすべて合わせて、割合）は？"
        ),
        "training.06-3.h": (
            "3か月すべてが完結している四半期が完結した四半期です。月の値を平均せず、四半期の回答を"
            "合わせます（period=\"Q\"）。"
        ),
        "training.06-3.e": (
            "回答を合わせると1件ずつ一度だけ数えられ、回答の少ない月が多い月と同じ重みを持ちません。"
        ),
        "training.06-3.trap.mean_of_months": (
            "3か月の月次CSATの平均です。回答の少ない月が多い月と同じ重みを持ちます。"
        ),
        "training.06-3.trap.partial_quarter": "データが一部しか含まない直近の四半期の値です。",
        "training.06-4.q": (
            "チームA：回答6件、全員満足（100％）。チームB：回答300件、85％が満足。正しいのは？"
            "a) Aの方が良い　b) Bの方が良い　c) このデータでは区別できない"
        ),
        "training.06-4.h": "比べる前にチームAのウィルソン区間を求めてみましょう。",
        "training.06-4.e": "Aの95％区間は約61％〜100％で、Bの85％を含みます。",
        "training.11-1.q": (
            "批判者のNPSコメント（直近の完結した月まで）のうち、4言語を通じて料金への不満は"
            "どの割合ですか。cskit.text.CS_THEMESのpricingテーマを使ってください。"
        ),
        "training.11-1.h": (
            "単語ではなくコメントを数え、韓国語・日本語・中国語のコメントも含めます："
            "themes(..., lexicon=...)。"
        ),
        "training.11-1.e": (
            "辞書はすべての言語で料金への不満を見つけます。英語の単語だけでは韓国語・日本語・"
            "中国語のコメントを見落とします。"
        ),
        "training.11-1.trap.english_only": (
            "英語の単語「price」だけを数えた値で、韓国語・日本語・中国語のコメントを見落とします。"
        ),
        "training.11-2.q": (
            "cskitはなぜ1つのコメントで用語を一度だけ数えるのですか。a) 速いから　b) 同じ語を繰り返す"
            "長いコメント1件が短いコメント10件に勝たないように　c) 日本語には空白がないから"
        ),
        "training.11-2.h": "「遅い」を10回書く顧客を1人思い浮かべてください。",
        "training.11-2.e": "テーマの割合はコメントの割合です。コメント1件が1票です。",
        "training.11-3.q": (
            "批判者のコメント20件のうち、1件が「遅い」を3回、ほかの9件が1回ずつ書いています。"
            "遅さについてのコメントの割合は？"
        ),
        "training.11-3.h": "語を何回繰り返しても、コメント1件は一度だけ数えます。",
        "training.11-3.e": "20件中10件が言及：0.5。",
        "training.11-3.trap.mentions": "コメントではなく言及の回数（12）を数えた値です。",
        "training.12-1.q": (
            "チケット5件：担当者の返信1、1、3回で解決したもの、返信1回で解決したが翌日再オープン"
            "したもの、まだ未解決のもの。cskitの既定値でFCRは？"
        ),
        "training.12-1.h": (
            "既定の分母に入るのはどのチケットで、そのうち返信の条件と再オープンの条件を両方満たすのは？"
        ),
        "training.12-1.e": (
            "解決済み4件のうち2件が該当：0.5。未解決のチケットは分母ではなく未解決として数えます。"
        ),
        "training.12-1.trap.open_counted": (
            "未解決のチケットを分母に入れた値です。既定では解決済みのチケットで割ります。"
        ),
        "training.12-1.trap.reopen_ignored": "再オープンしたチケットを一次解決と数えた値です。",
        "training.12-2.q": (
            "データによっては、再オープンの規則をオフにしても（reopen_window_days=None）FCRがまったく"
            "変わりません。なぜですか。a) 再オープンしたチケットが1件もない　b) 再オープンしたチケット"
            "はどれも担当者の返信が2回以上あり、返信の規則がすでに除外している　c) 再オープンした"
            "チケットは分母から外れる"
        ),
        "training.12-2.h": "再オープンの規則だけに引っかかるチケットはありますか。",
        "training.12-2.e": (
            "規則は、その規則だけに引っかかるチケットを通してしかFCRを動かしません。FCRの解説ツールは"
            "その件数（返信が少ないのに再オープンしたチケット）を示します。"
        ),
        "training.12-3.q": (
            "このデータの直近12か月（直近の完結した月まで）のFCRを、スパムを含む全チケットで割ると？"
        ),
        "training.12-3.h": "変わるパラメーターは2つ：分母と除外するカテゴリー。",
        "training.12-3.e": (
            "未解決のチケットとスパムが分母に入るため、このFCRは低く、既定の定義とは比べられません。"
        ),
        "training.12-3.trap.default": "既定の定義（解決済みのチケット、スパム除外）の値です。",
        "training.12-3.trap.spam_out": "全チケットで割っていますが、スパムはまだ除外した値です。",
        "training.13-1.q": "一般的な1〜7の同意尺度で回答7、5、5、4、2、1：同意の割合は？",
        "training.13-1.h": "1〜7の同意尺度で「簡単」の範囲は中間点より上から始まります。",
        "training.13-1.e": "7、5、5が5〜7に入ります：6件中3件 = 0.5。4は中立の中間点です。",
        "training.13-1.trap.four_up": "中立の中間点4を同意と数えた値です。",
        "training.13-2.q": "1がとても簡単を意味する調査で、ある人が3と答えました。inverted=True の後の値は？",
        "training.13-2.h": "反転は尺度の両端を入れ替え、それぞれの端からの距離を保ちます。",
        "training.13-2.e": "1 + 7 − 3 = 5：やや簡単で、高いほど簡単な側に移りました。",
        "training.13-2.trap.not_inverted": (
            "回答そのままの値です。inverted=True は尺度の反対側へ移します。"
        ),
        "training.13-3.q": (
            "surveysテーブルには、どのタッチポイント（オンボーディングかサポートか）で尋ねたかを示す列が"
            "ありません。何を報告しますか。a) 日付から推測してオンボーディングとサポートのCESを別々に　"
            "b) 合算したCESを1つ、合算と明記し、タッチポイントの列を依頼する　c) CESを報告しない"
        ),
        "training.13-3.h": "このデータでオンボーディングの回答とサポートの回答を区別できますか。",
        "training.13-3.e": (
            "タッチポイントの列がなければ、どんな分け方も推測です。合算したCESを合算として報告し、"
            "調査のエクスポートに列を加えてから by= で分けます。"
        ),
        "training.21-1.q": "有料アカウント300の月にチケット45件：100アカウントあたりのチケット数は？",
        "training.21-1.h": "チケット ÷ アカウント、それを100アカウントあたりに換算します。",
        "training.21-1.e": "45 ÷ 300 × 100 = 100アカウントあたり15件。",
        "training.21-1.trap.per_account": (
            "1アカウントあたりのチケット数です。率は100アカウントあたりです。"
        ),
        "training.21-2.q": (
            "1年でチケット数が2倍になり、有料アカウント数も2倍になりました。顧客1社あたりのサポート"
            "負荷は？a) 2倍になった　b) 変わらない　c) 半分になった"
        ),
        "training.21-2.h": "1年の始めと終わりで100アカウントあたりの率を比べます。",
        "training.21-2.e": "アカウントが2倍でチケットも2倍なら率は同じ：問題ではなく成長です。",
        "training.21-3.q": (
            "このデータで、直近の完結した月を1年前の同じ月（またはデータの最初の月）と比べると？"
            "a) チケット数も有料100アカウントあたりの率も上がった　b) チケット数は上がったが率は"
            "上がっていない　c) チケット数は上がっていない"
        ),
        "training.21-3.h": (
            "ticket_volume(active=company.mrr) の tickets 列と per_100_accounts 列を2つの月で読みます。"
        ),
        "training.21-3.e": (
            "増加を問題と呼ぶ前に、どちらが動いたかを言いましょう。顧客基盤とともに増えるチケット数は"
            "成長で、上がる率は顧客1社あたりの負荷の増加です。"
        ),
        "training.22-1.q": (
            "チケット5件が1、2、3、4、40時間後に初回応答を受けました。初回応答時間の中央値（時間）は？"
        ),
        "training.22-1.h": "時間を並べ替えて真ん中の値を取ります。",
        "training.22-1.e": "3時間。遅いチケット1件が平均を10時間に引き上げますが、中央値は動きません。",
        "training.22-1.trap.mean": "平均です。遅いチケット1件が平均を引き上げます。",
        "training.22-2.q": (
            "月曜16:00に作成され火曜11:00に応答したチケット。営業時間は平日09:00〜18:00。営業時間で"
            "何時間待ちましたか。"
        ),
        "training.22-2.h": "各日の09:00〜18:00の中の時間だけを数えます。",
        "training.22-2.e": (
            "月曜16:00〜18:00と火曜09:00〜11:00：営業時間で4時間（暦時間では19時間）。"
        ),
        "training.22-2.trap.calendar": "暦時間です。夜は営業時間外です。",
        "training.22-3.q": (
            "ある月から翌月にかけて初回応答時間の平均が2倍になり、中央値は変わりませんでした。何が"
            "起きましたか。a) すべてのチケットが2倍待った　b) 一部のチケットがずっと長く待った"
            "（裾が伸びた）　c) チームの応答が速くなった"
        ),
        "training.22-3.h": "ごく遅いチケット数件が動かすのは、2つの統計量のどちらですか。",
        "training.22-3.e": (
            "典型的なチケットの待ち時間は変わらず、ごく遅いチケット数件が平均を引き上げました。"
            "90パーセンタイルとそれらのチケットを見てください。"
        ),
    },
    "zh-Hant": {
        "training.05-1.q": "100 份回覆：推薦者 45 人、中立者 40 人、貶損者 15 人。NPS 是幾分？",
        "training.05-1.h": "推薦者 % − 貶損者 %；中立者仍留在分母中。",
        "training.05-1.e": "45% − 15% = 30 分。中立者只計入分母。",
        "training.05-1.trap.no_passives": "這個值把中立者排除在分母之外；中立者也是回覆。",
        "training.05-2.q": "這個 NPS 的標準誤是幾分？",
        "training.05-2.h": (
            "每份回覆的變異數 = p + d − (p − d)²（p、d 為比例）；SE = √(變異數 ÷ n)，換成分數要 × 100。"
        ),
        "training.05-2.e": (
            "變異數 = 0.45 + 0.15 − 0.30² = 0.51；SE = √(0.51 ÷ 100) × 100 ≈ 7.1 分：100 份回覆的 "
            "95% 區間約為 ±14 分。"
        ),
        "training.05-2.trap.no_square": "這個值漏掉了變異數中的 − (p − d)² 項。",
        "training.05-3.q": (
            "這份資料最後一個完整季度的 NPS（合併該季所有回覆）是多少？請答到小數第二位。"
        ),
        "training.05-3.h": (
            "三個月都完整的季度才是完整季度。請合併該季的回覆（period=\"Q\"），不要平均各月的值。"
        ),
        "training.05-3.e": "合併回覆時每份回覆只算一次，回覆少的月份不會和忙碌的月份同樣重。",
        "training.05-3.trap.mean_of_months": (
            "這是三個月的月度 NPS 平均：回覆少的月份和忙碌的月份一樣重。"
        ),
        "training.05-3.trap.partial_quarter": "這是資料只涵蓋一部分的最近一季。",
        "training.05-4.q": (
            "NPS 從 32 變為 36；變化的 95% 區間為 −6 至 +14 分。你會怎麼報告？a) NPS 提高了 4 分；"
            "b) 沒有顯著變化，變動在雜訊範圍內；c) NPS 最多提高了 14 分。"
        ),
        "training.05-4.h": "變化的區間包含 0 嗎？",
        "training.05-4.e": "區間包含 0：報告沒有顯著變化，並觀察接下來幾個月。",
        "training.06-1.q": (
            "1–7 量表的調查，回覆為 7、7、6、6、6、6、6、5、3、1，滿意範圍為 6–7。CSAT（比例）是多少？"
        ),
        "training.06-1.h": "只計算範圍內的回覆，再除以全部回覆數。",
        "training.06-1.e": "10 份中有 7 份是 6 或 7：0.7（csat(scale=(1, 7), satisfied=(6, 7))）。",
        "training.06-1.trap.four_up": "這個值把 4 以上算成滿意（1–5 量表的習慣）；這裡的範圍是 6–7。",
        "training.06-2.q": "5 份回覆中 0 份滿意。95% Wilson 區間的上限是多少？",
        "training.06-2.h": "Wilson 區間在 0% 時不會縮成一點：以 p = 0、z = 1.96 代入公式。",
        "training.06-2.e": (
            "z² ÷ (n + z²) = 3.84 ÷ 8.84 ≈ 0.43：只有 5 份回覆，CSAT 可能落在 0 到 43% 之間。"
        ),
        "training.06-2.trap.wald": "這是 Wald 區間，在 0% 時縮成 0–0，好像我們很確定。",
        "training.06-3.q": "這份資料最後一個完整季度的 CSAT（合併該季所有回覆，比例）是多少？",
        "training.06-3.h": (
            "三個月都完整的季度才是完整季度。請合併該季的回覆（period=\"Q\"），不要平均各月的值。"
        ),
        "training.06-3.e": "合併回覆時每份回覆只算一次，回覆少的月份不會和忙碌的月份同樣重。",
        "training.06-3.trap.mean_of_months": (
            "這是三個月的月度 CSAT 平均：回覆少的月份和忙碌的月份一樣重。"
        ),
        "training.06-3.trap.partial_quarter": "這是資料只涵蓋一部分的最近一季。",
        "training.06-4.q": (
            "A 組：6 份回覆，全部滿意（100%）。B 組：300 份回覆，85% 滿意。哪個說法正確？"
            "a) A 組較好；b) B 組較好；c) 這些資料無法區分兩組。"
        ),
        "training.06-4.h": "比較之前，先算出 A 組的 Wilson 區間。",
        "training.06-4.e": "A 組的 95% 區間約為 61%–100%，包含 B 組的 85%。",
        "training.11-1.q": (
            "貶損者的 NPS 意見（到最近一個完整月份）中，四種語言合計有多少比例在抱怨價格？"
            "請使用 cskit.text.CS_THEMES 的 pricing 主題。"
        ),
        "training.11-1.h": (
            "計算意見數而不是字數，並納入韓文、日文和中文的意見：themes(..., lexicon=...)。"
        ),
        "training.11-1.e": (
            "詞庫能找出每種語言的價格抱怨；只數英文單字會漏掉以韓文、日文或中文寫的意見。"
        ),
        "training.11-1.trap.english_only": (
            "這個值只數英文單字「price」，漏掉了韓文、日文和中文的意見。"
        ),
        "training.11-2.q": (
            "為什麼 cskit 每則意見只計算一次詞語？a) 比較快；b) 讓一則重複同一個字的長意見無法"
            "壓過十則短意見；c) 因為日文沒有空格。"
        ),
        "training.11-2.h": "想像一位客戶把「慢」寫了十次。",
        "training.11-2.e": "主題的比例是意見的比例：每則意見只投一票。",
        "training.11-3.q": (
            "20 則貶損者意見中，一則寫了三次「慢」，另外九則各寫一次。談到速度慢的意見比例是多少？"
        ),
        "training.11-3.h": "不論重複幾次，每則意見只算一次。",
        "training.11-3.e": "20 則中有 10 則提到：0.5。",
        "training.11-3.trap.mentions": "這個值數的是提及次數（12），不是意見數。",
        "training.12-1.q": (
            "5 張工單：以 1、1、3 次客服回覆解決的工單，一張回覆 1 次解決但隔天重新開啟，還有一張"
            "尚未解決。以 cskit 的預設值，FCR 是多少？"
        ),
        "training.12-1.h": "預設分母包含哪些工單？其中哪些同時通過回覆條件和重新開啟條件？",
        "training.12-1.e": "4 張已解決工單中有 2 張符合：0.5。未解決的工單計為未解決，不在分母中。",
        "training.12-1.trap.open_counted": "這個值把未解決的工單放進分母；預設是除以已解決的工單。",
        "training.12-1.trap.reopen_ignored": "這個值把重新開啟的工單算成首次聯絡即解決。",
        "training.12-2.q": (
            "在某些資料上，關閉重新開啟規則（reopen_window_days=None）完全不會改變 FCR。為什麼？"
            "a) 從來沒有工單被重新開啟；b) 每張重新開啟的工單也有兩次以上的客服回覆，回覆規則已經"
            "排除了它；c) 重新開啟的工單不在分母中。"
        ),
        "training.12-2.h": "有沒有工單只違反重新開啟規則？",
        "training.12-2.e": (
            "規則只會透過「只違反該規則」的工單改變 FCR；FCR 解說工具會列出這些工單的數量"
            "（回覆少卻重新開啟）。"
        ),
        "training.12-3.q": (
            "這份資料最近 12 個月（到最近一個完整月份）的 FCR，若以包含垃圾訊息的全部工單為分母，是多少？"
        ),
        "training.12-3.h": "有兩個參數改變：分母和排除的類別。",
        "training.12-3.e": "未解決的工單和垃圾訊息都進了分母：這個 FCR 較低，也不能和預設值比較。",
        "training.12-3.trap.default": "這是預設定義（已解決的工單，排除垃圾訊息）的值。",
        "training.12-3.trap.spam_out": "這個值以全部工單為分母，但仍排除了垃圾訊息。",
        "training.13-1.q": "一般 1–7 同意量表上的回覆 7、5、5、4、2、1：同意比例是多少？",
        "training.13-1.h": "1–7 同意量表的「容易」範圍從中間點以上開始。",
        "training.13-1.e": "7、5、5 落在 5–7：6 份中 3 份 = 0.5。4 是中立的中間點。",
        "training.13-1.trap.four_up": "這個值把中立的中間點 4 算成同意。",
        "training.13-2.q": "在 1 代表非常容易的調查中，有人回答 3。使用 inverted=True 之後是多少？",
        "training.13-2.h": "反轉會把量表兩端互換，並保持與各端的距離。",
        "training.13-2.e": "1 + 7 − 3 = 5：相當容易，現在位於越高越容易的一側。",
        "training.13-2.trap.not_inverted": "這是原始回覆；inverted=True 會把它移到量表的另一側。",
        "training.13-3.q": (
            "surveys 資料表沒有欄位說明是在哪個接觸點（導入或客服）提問的。你會報告什麼？"
            "a) 依日期推測，分別報告導入與客服的 CES；b) 報告一個合併的 CES，標明是合併的，"
            "並要求加上接觸點欄位；c) 不報告 CES。"
        ),
        "training.13-3.h": "這些資料能區分導入的回覆和客服的回覆嗎？",
        "training.13-3.e": (
            "沒有接觸點欄位，任何拆分都只是猜測：把合併的 CES 標明為合併值，在調查匯出中加上欄位，"
            "再用 by= 拆分。"
        ),
        "training.21-1.q": "某月有 300 個付費帳戶、45 張工單：每 100 個帳戶有幾張工單？",
        "training.21-1.h": "工單 ÷ 帳戶，再換算成每 100 個帳戶。",
        "training.21-1.e": "45 ÷ 300 × 100 = 每 100 個帳戶 15 張工單。",
        "training.21-1.trap.per_account": "這是每個帳戶的工單數；比率是以每 100 個帳戶計。",
        "training.21-2.q": (
            "一年內工單數翻倍，付費帳戶數也翻倍。每位客戶的客服負擔怎麼了？a) 翻倍；b) 沒有變；"
            "c) 減半。"
        ),
        "training.21-2.h": "比較這一年頭尾每 100 個帳戶的比率。",
        "training.21-2.e": "帳戶翻倍、工單也翻倍，比率不變：這是成長，不是問題。",
        "training.21-3.q": (
            "在這份資料中，把最近一個完整月份和一年前的同一個月（或資料的第一個月）比較："
            "a) 工單數和每 100 個付費帳戶的比率都上升；b) 工單數上升但比率沒有；c) 工單數沒有上升。"
            "是哪一種？"
        ),
        "training.21-3.h": (
            "在這兩個月讀取 ticket_volume(active=company.mrr) 的 tickets 和 per_100_accounts 欄位。"
        ),
        "training.21-3.e": (
            "把增加稱為問題之前，先說明是哪一個在變：隨客戶數成長的工單數是成長；上升的比率才是每位"
            "客戶的負擔增加。"
        ),
        "training.22-1.q": "5 張工單分別在 1、2、3、4、40 小時後得到首次回應。首次回應時間的中位數是幾小時？",
        "training.22-1.h": "把時間排序，取中間那個值。",
        "training.22-1.e": "3 小時。一張很慢的工單把平均拉到 10 小時；中位數不受影響。",
        "training.22-1.trap.mean": "這是平均值；一張很慢的工單就會把它拉高。",
        "training.22-2.q": (
            "週一 16:00 建立、週二 11:00 回應的工單，上班時間為平日 09:00–18:00：以上班時間計算等了"
            "幾小時？"
        ),
        "training.22-2.h": "只計算每天 09:00–18:00 之內的時間。",
        "training.22-2.e": "週一 16:00–18:00 加上週二 09:00–11:00：上班時間 4 小時（日曆時間 19 小時）。",
        "training.22-2.trap.calendar": "這是日曆時間；夜間不在上班時間內。",
        "training.22-3.q": (
            "首次回應時間的平均值在一個月內翻倍，中位數卻不變。發生了什麼事？a) 每張工單都多等了一倍；"
            "b) 少數工單等得久很多（尾部變長）；c) 團隊回覆得更快。"
        ),
        "training.22-3.h": "少數非常慢的工單會影響這兩個統計量中的哪一個？",
        "training.22-3.e": (
            "一般工單等待的時間和以前一樣；少數非常慢的工單把平均拉高了。請查看第 90 百分位數和這些工單。"
        ),
    },
}
