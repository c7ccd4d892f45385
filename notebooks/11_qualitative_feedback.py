# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Qualitative feedback: what customers write
#
# A score tells you *how* a customer feels; the comment next to it tells you *why*. The
# source articles recommend analysing open-text answers with text analysis; this notebook
# shows how cskit finds the **recurring themes** of comments per group — detractors vs
# promoters, or per segment — with counts, shares and example comments, in **English,
# Korean, Japanese and Traditional Chinese** (고객 의견 / 顧客の声 / 客戶意見).
#
# Two things make this harder than it looks:
#
# * Japanese and Chinese write **no spaces between words**, and Korean glues particles to
#   nouns (온보딩**이**, 리포트**를**): splitting on spaces does not give words.
# * Comments are **customer-written text**: empty answers, emoji only, essays, and
#   sometimes HTML. They must be handled — and escaped wherever they reach a web page.

# %% tags=["parameters"]
# Parameters (papermill can override them): a folder with your own seven tables,
# the month to look at, and the language of labels ("en", "ko", "ja", "zh-Hant").
data_dir = None
month = None  # "YYYY-MM"; None: the latest complete month of the data
lang = "en"

# %%
# %matplotlib inline
import cskit
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from cskit._notebook import notebook_month, open_company

cskit.set_language(lang)
# The sample company when data_dir is None. When a table this notebook needs is
# absent, open_company says so and the rest of the notebook is skipped.
company = open_company(data_dir, needs=('surveys',))
month = notebook_month(company, month)

# %% [markdown]
# ## Why it matters
#
# A falling NPS says that something is wrong, not what. The comments do: the CS lead and
# the product team read the themes of the detractors' comments to decide **what to fix
# first** (pricing, support speed, a missing integration), and each CSM reads the
# comments of their own accounts before calling them. Counted well, the themes turn a
# pile of free text into a ranked list with the number of customers behind each item;
# counted badly — in one language only, or by mentions — they rank the wrong problem
# first.
#
# ## The formula: a theme's share
#
# $$\text{share of a term in a group} = \frac{\text{comments of the group that contain the term}}
# {\text{non-blank comments of the group}}$$
#
# Each term counts **once per comment**. Blank answers (missing, empty, whitespace) are
# not comments; a comment without any term (emoji only) stays in the denominator.
#
# ## How comments become terms
#
# `cskit.text.tokenize` splits one comment:
#
# | script | method |
# |---|---|
# | Latin (English; also product names inside CJK text) | words, English stop words removed, light plural rule |
# | Korean | words between spaces, trailing particle stripped (은/는/이/가/을/를/…); predicates in their dictionary form (비싸요, 비쌉니다, 비쌌어요 → 비싸다; 느려요 → 느리다), a noun with the copula as the noun (문제예요 → 문제) |
# | Japanese (any kana present) | the **Janome** morphological analyser (a maintained PyPI package, pure Python, dictionary included): nouns and adjectives in dictionary form |
# | Chinese (Han characters, no kana) | the **rjieba** segmenter (jieba in Rust, dictionary built in) |
# | `cjk="ngram"` | instead of both tokenizers: overlapping two-character windows of Han runs, katakana words kept whole — no dictionary at all |
#
# Each term counts **once per comment**, so one long rant cannot outvote ten short ones.

# %%
from cskit.text import language_of, tokenize

examples = ["Support is slow: we waited two days for a reply.",
            "고객지원 답변이 너무 느려요. 간단한 질문에 이틀을 기다렸습니다.",
            "サポートの返信が遅いです。簡単な質問に2日も待たされました。",
            "客服回覆太慢了，一個簡單的問題等了兩天。"]
for text in examples:
    print(language_of(text), tokenize(text))
print("zh, ngram:", tokenize(examples[3], cjk="ngram"))

# %% [markdown]
# The bigram method needs no dictionary but also produces pairs that straddle two words
# (服回 above); terms that really recur still rise to the top, so it is a reasonable
# fallback for languages or domains a dictionary does not know.
#
# ## A small example by hand
#
# Four detractor comments: "Price went up again", "price, price, price!", "Support is
# slow" and "🙏". By hand: "price" is in 2 of the 4 comments (the one repeating it counts
# once; the emoji-only comment has no term but is a comment) → share 0.5; "slow" 1 of 4.

# %%
four = pd.DataFrame({"survey": "nps", "score": [2, 4, 5, 6],
                     "comment": ["Price went up again", "price, price, price!",
                                 "Support is slow", "🙏"]})
small = cskit.metrics.themes(four, by="nps_group", min_count=1).loc["detractor"]
counted = small.set_index("term")
assert counted.loc["price", "count"] == 2 and counted.loc["price", "share"] == 2 / 4
assert counted.loc["slow", "count"] == 1 and small["comments"].iloc[0] == 4
small[["term", "count", "share", "comments"]]

# %% [markdown]
# ## Where the source articles go wrong
#
# The 16-KPI article says to collect the reasons behind a score in an open field and to
# analyse them "with text analysis" — right, and nothing more: **what it leaves out** is
# everything that makes the counts trustworthy. Japanese and Chinese have no spaces
# between words and Korean glues particles and endings to words, so splitting on spaces
# fails; the same complaint is written in several languages and several word forms (a
# count of one English word misses the rest — shown below on this data); a comment that
# repeats a word must count once; and comments are customer-written text that must be
# escaped before it reaches a web page (the catalogue's trap for this KPI).
#
# ## Themes of NPS comments: detractors vs passives vs promoters

# %%
surveys = company.surveys[company.surveys["submitted_at"].dt.to_period("M") <= month]
by_group = surveys.cs.themes(by="nps_group", top=6)
by_group[["term", "count", "share", "comments"]].round(3)

# %%
for group, rows in by_group.groupby(level=0, sort=False):
    print(f"{group}: {', '.join(rows['term'].head(3))}")
by_group.attrs

# %% [markdown]
# `attrs` reports the awkward comments instead of hiding them: `blank` answers (missing,
# empty, whitespace only) are not comments; emoji-only comments are comments without
# terms (`without_terms`, still in each share's denominator); comments longer than
# `max_chars` (5,000) are cut before tokenising (`truncated`).
#
# The top terms per group (printed above) say what each group writes about — in this
# data, read them next to the examples. Each term comes with two example comments —
# shown here as an **escaped** HTML table (`themes_html`), because a comment can
# contain HTML such as a `<script>` tag:

# %%
from cskit.metrics.themes import themes_html
from IPython.display import HTML, display

display(HTML(themes_html(by_group.loc[["detractor"]].head(3))))

# %%
from cskit.text import escape_html

tagged = surveys.loc[surveys["comment"].str.contains("<", na=False, regex=False), "comment"]
script = tagged.iloc[0] if len(tagged) else "<script>alert('hi')</script>"
print(f"{len(tagged)} comment(s) of this data contain '<'; escaped:")
print(escape_html(script))

# %% [markdown]
# ## The same count by hand
#
# How many detractor comments mention their most frequent term (one written in Latin
# letters)? Plain pandas: NPS answers with a score of 0–6 and a non-blank comment,
# then the word and its plural in *s*.

# %%
nps_rows = surveys[(surveys["survey"] == "nps") & (surveys["score"] <= 6)]
comments = nps_rows["comment"].fillna("").str.strip()
comments = comments[comments != ""]
det = cskit.metrics.themes(surveys, by="nps_group", top=50).loc["detractor"]
latin = det[det["term"].str.fullmatch(r"[a-z]+")]
term = latin["term"].iloc[0]
by_hand = int(comments.str.lower().str.contains(rf"\b{term}s?\b", regex=True).sum())
from_cskit = int(latin["count"].iloc[0])
assert by_hand == from_cskit
assert len(comments) == int(det["comments"].iloc[0])
print(f"{by_hand} of {len(comments)} detractor comments mention {term!r} "
      f"({by_hand / len(comments):.1%}).")

# %% [markdown]
# ## One word, one language: what it misses
#
# A count of one English word sees only the comments written in English. How many of
# the detractors' comments are in another language, and how many complain about price
# when every language is counted — with the pricing words of the lexicon
# `cskit.text.CS_THEMES` (by hand: any of its words in the comment, case-insensitive;
# then by cskit)?

# %%
import unicodedata

languages = comments.map(language_of).value_counts()
not_english = int(languages.drop(["latin", "none"], errors="ignore").sum())
normalised = comments.map(lambda c: unicodedata.normalize("NFKC", c).lower())
pricing_words = [w.lower() for w in cskit.text.CS_THEMES["pricing"]]
any_language = int(normalised.map(lambda c: any(w in c for w in pricing_words)).sum())
lexicon_det = cskit.metrics.themes(surveys, by="nps_group",
                                   lexicon=cskit.text.CS_THEMES).loc["detractor"]
pricing = lexicon_det[lexicon_det["term"] == "pricing"]
from_lexicon = int(pricing["count"].iloc[0]) if len(pricing) else 0
assert any_language == from_lexicon
word_only = int(latin.set_index("term")["count"].get("price", 0))
print(f"{not_english} of the {len(comments)} detractor comments are in Korean, Japanese "
      f"or Chinese.")
print(f"Price complaints: the English word 'price' alone finds {word_only} "
      f"({word_only / len(comments):.1%}); the lexicon in four languages finds "
      f"{from_lexicon} ({from_lexicon / len(comments):.1%}).")
languages

# %% [markdown]
# ## Each language on its own
#
# Terms are words of one language, so "price", "가격", "料金" and "價格" are counted
# separately. Grouping by the comment's language shows what each language's customers
# write about, with the number of comments behind each share:

# %%
with_language = surveys.assign(language=surveys["comment"].map(language_of))
per_language = with_language[with_language["language"] != "none"].cs.themes(
    by="language", top=4)
per_language[["term", "count", "share", "comments"]].round(3)

# %% [markdown]
# ## Themes across languages: a lexicon
#
# To count a theme once whatever language it is written in, give `lexicon=` a mapping
# from theme to words. `cskit.text.CS_THEMES` is a starting point with common CS themes
# in the four languages (edit it for your product):

# %%
if company.accounts is not None:
    # by="segment" comes from the accounts table (joined on account_id)
    lexicon = surveys.cs.themes(by="segment", lexicon=cskit.text.CS_THEMES,
                                accounts=company.accounts)
else:
    print("No accounts table in this data: by NPS group instead of by segment.")
    lexicon = surveys.cs.themes(by="nps_group", lexicon=cskit.text.CS_THEMES)
lexicon[["term", "count", "share", "comments"]].round(3)

# %% [markdown]
# ## A picture

# %%
from cskit.plotting import theme_bars

ax = theme_bars(by_group.groupby(level=0, observed=True).head(4))
plt.show()

# %% [markdown]
# ## Common mistakes
#
# * **Splitting Japanese or Chinese on spaces**: you get whole sentences as "words".
# * **Counting mentions instead of comments**: one long comment repeating "slow" ten times
#   is one customer.
# * **Showing comments in HTML unescaped**: customer text can contain tags and scripts;
#   always go through `escape_html` / `themes_html`.
# * **Dropping emoji-only comments silently**: they are answers (often strong ones); cskit
#   keeps them in the denominator and reports how many had no terms.
# * **Reading shares without the group size**: look at `comments` next to `share`.
# * **Counting one language's word for a theme** when customers write in several: use a
#   lexicon with the words of every language (above).

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('feedback')

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` and run the cell: `cskit.training.check` says whether it is right on the data this notebook reads (`data=company`). A hint comes after a wrong answer, the explanation after a right one. Rates are fractions (5 % = 0.05); a choice is a letter.

# %% [markdown]
# **1.** What share of the detractors' NPS comments (up to the latest complete month) complain about price, in any of the four languages? Use the pricing theme of cskit.text.CS_THEMES.

# %%
answer_1 = None
cskit.training.check('11-1', answer_1, data=company)

# %% [markdown]
# **2.** Why does cskit count a term once per comment? a) it is faster; b) so that one long comment repeating a word cannot outvote ten short ones; c) because Japanese has no spaces.

# %%
answer_2 = None
cskit.training.check('11-2', answer_2, data=company)

# %% [markdown]
# **3.** Of 20 detractor comments, one says "slow" three times and nine others say it once. What share of the comments is about slowness?

# %%
answer_3 = None
cskit.training.check('11-3', answer_3, data=company)
