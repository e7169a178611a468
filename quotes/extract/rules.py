"""The attribution rules as data: ordered tables of named rules, each run by quotes.extract.engine
(the first rule that matches decides). A quote records the name of the rule that attributed it.

AFTER and BEFORE are read around each quotation, after its closing mark first; QUOTE lists the
fallbacks `attribution.attribute` tries next, in order; ARTICLE lists the stages over the whole
article that give a speaker to quotes still without one; COREFERENCE names how the speaker was
reached when the words matched name no one but a description, a document or a pronoun. Adding a
rule means adding a row (and a made-up example, which the docs list and a test checks)."""

from __future__ import annotations

from typing import Any

from quotes.extract import after, before
from quotes.extract.engine import Rule

AFTER: tuple[Rule[after.Tail], ...] = (
    Rule("dash-after", "after", "“We will rebuild.” — Mayor Ana Ruiz", "Ana Ruiz", after.dash),
    Rule(
        "colon-headline",
        "after",
        "‘We will not back down’: Harbor Workers Union rejects the pay offer",
        "Harbor Workers Union",
        after.colon_subject,
    ),
    Rule(
        "according-to-after",
        "after",
        "“The bridge is safe,” according to engineer Tom Hale.",
        "Tom Hale",
        after.according_to,
    ),
    Rule(
        "comma-handover",
        "after",
        "It was “the end of an era” for the town, said Mayor Ana Ruiz.",
        "Ana Ruiz",
        after.comma_handover,
    ),
    Rule(
        "said-name-after",
        "after",
        "“We are ready,” said coach Rita Vale.",
        "Rita Vale",
        after.said_name,
    ),
    Rule(
        "name-verb-after",
        "after",
        "“Get out of my office,” Oliver barked.",
        "Oliver",
        after.name_verb,
    ),
    Rule(
        "participle-after",
        "after",
        "“We are ready,” adding that the fans will be, too.",
        "",
        after.participle,
    ),
    Rule(
        "said-name-past-adjunct",
        "after",
        "“It is a bargain,” in contrast to the old plan, says analyst Tom Hale.",
        "Tom Hale",
        after.said_name_past_adjunct,
    ),
    Rule(
        "sentence-break-after",
        "after",
        "“We are ready,” the club’s No. 2 goalkeeper said.",
        "",
        after.sentence_break,
    ),
    Rule(
        "last-name-after",
        "after",
        "“It is over,” after a season of long delays and lost games that cost the club its best"
        " players and most of its fans, Vale said.",
        "Vale",
        after.last_name,
    ),
    Rule(
        "clause-after",
        "after",
        "“It is a bad deal for the town,” Ruiz seized upon the report and said.",
        "",
        after.clause,
    ),
    Rule(
        "name-said-after", "after", "“We are ready,” Rita Vale said.", "Rita Vale", after.name_said
    ),
)

BEFORE: tuple[Rule[before.Head], ...] = (
    Rule(
        "according-to-before",
        "before",
        "According to engineer Tom Hale, “the bridge is safe.”",
        "Tom Hale",
        before.according_to,
    ),
    Rule(
        "said-name-before",
        "before",
        "The coach was calm on Sunday. Said Vale, “We are ready for anything.”",
        "Vale",
        before.said_name,
    ),
    Rule(
        "label",
        "before",
        "Poll of the week - Carl Boyd: “Voters are tired.”",
        "Carl Boyd",
        before.label,
    ),
    Rule(
        "owned-statement",
        "before",
        "Mayor Ana Ruiz spoke. Ruiz’s claim that the bridge was “perfectly safe” drew laughs.",
        "Ana Ruiz",
        before.owned,
    ),
    Rule(
        "name-verb-before",
        "before",
        "After the match, Rita Vale smiled: “We are ready for anything.”",
        "Rita Vale",
        before.name_verb,
    ),
    Rule(
        "absolute-participle",
        "before",
        "The vote passed, with Mayor Ana Ruiz calling it “a new start.”",
        "Ana Ruiz",
        before.absolute,
    ),
    Rule(
        "for-to-infinitive",
        "before",
        "The mayor agreed, only for Rita Vale to tweet that it was “a bad deal.”",
        "Rita Vale",
        before.for_to,
    ),
    Rule(
        "participle-subject",
        "before",
        "Rita Vale smiled, saying: “We are ready.”",
        "Rita Vale",
        before.participle_subject,
    ),
    Rule(
        "no-subject-before",
        "before",
        "The club released a letter that says “the season is over.”",
        "",
        before.no_subject,
    ),
    Rule(
        "coordinated-subject",
        "before",
        "Rita Vale took the stage and called the plan “a bargain.”",
        "Rita Vale",
        before.coordinated,
    ),
    Rule(
        "passive-hearer",
        "before",
        "Mayor Tom Hale was told the plan is “a bargain.”",
        "",
        before.passive_hearer,
    ),
    Rule(
        "name-said-before",
        "before",
        "Rita Vale told reporters: “We are ready.”",
        "Rita Vale",
        before.name_said,
    ),
)

QUOTE: tuple[Rule[Any], ...] = (
    Rule(
        "sentence-final",
        "sentence",
        "The plan is “cheap” and “fast” in the short run, says Rita Vale.",
        "Rita Vale",
    ),
    Rule(
        "headline",
        "headline",
        "Ruiz Calls Bridge Plan ‘A Bargain’\n\nMayor Ana Ruiz spoke on Monday.",
        "Ana Ruiz",
    ),
    Rule(
        "title-label",
        "headline",
        "Harbor Bank shares fell on Monday.\n\nNews video: Harbor Bank: merger talks ‘at an early"
        " stage’",
        "Harbor Bank",
    ),
    Rule(
        "headline-described",
        "headline",
        "Harbor Bank CEO To Tell Lawmakers: ‘We Made Mistakes’\n\nTom Hale, the bank's chief"
        " executive, testified on Tuesday.",
        "Tom Hale",
    ),
    Rule(
        "name-colon",
        "sentence",
        "The vote does not surprise Republican pollster Dan Shaw: “Voters are tired.”",
        "Dan Shaw",
    ),
    Rule(
        "subject",
        "sentence",
        "The Harbor Workers Union wants an “end to the cuts.”",
        "Harbor Workers Union",
    ),
)

ARTICLE: tuple[Rule[Any], ...] = (
    Rule(
        "colon-paragraph",
        "article",
        "In a statement, Harbor Bank said:\n\n“We let our customers down.”",
        "Harbor Bank",
    ),
    Rule(
        "open-paragraphs",
        "article",
        "Harbor Bank said: ‘Talks are at an early stage.\n\n‘We will take time.’",
        "Harbor Bank",
    ),
    Rule("continued", "article", "“We are ready,” Vale said. “We have trained all year.”", "Vale"),
    Rule(
        "paragraph-run",
        "article",
        "“We are ready,” Vale said.\n\n“We have trained all year.”",
        "Vale",
    ),
    Rule(
        "continued-back",
        "article",
        "“We have trained all year.” “We are ready,” Vale said.",
        "Vale",
    ),
    Rule(
        "paragraph-run-back",
        "article",
        "“We have trained all year.”\n\n“We are ready,” Vale said.",
        "Vale",
    ),
    Rule("self-named", "article", "“Hello, I am Rita Vale, and I run this club.”", "Rita Vale"),
    Rule(
        "reported-speech",
        "article",
        "Rita Vale said there was no scandal. “I am human.”",
        "Rita Vale",
    ),
    Rule(
        "subject-paragraph",
        "article",
        "Civil rights lawyer Ben Okafor applauded the verdict.\n\n“Justice was done.”",
        "Ben Okafor",
    ),
    Rule(
        "nested",
        "article",
        "“Coach Ruth Olsen told me, ‘Keep going, kid,’” Vale said.",
        "Ruth Olsen",
    ),
    Rule(
        "transcript",
        "article",
        "An interview with Rita Vale.\n\nQ: Ready?\n\nA: We are ready.\n\nQ: The fans?"
        "\n\nA: They are too.",
        "Rita Vale",
    ),
)

COREFERENCE: tuple[Rule[Any], ...] = (
    Rule(
        "coref-pronoun",
        "coreference",
        "Coach Ruth Olsen took over in May.\n\n“We are not done,” she said.",
        "Ruth Olsen",
    ),
    Rule(
        "coref-document",
        "coreference",
        "Greenleaf Foods recalled 20,000 jars.\n\n“Do not eat it,” the notice warns.",
        "Greenleaf Foods",
    ),
    Rule(
        "coref-descriptor",
        "coreference",
        "Carlos Mendes scored twice.\n\n“It was my night,” the Brazilian forward said.",
        "Carlos Mendes",
    ),
)

ALL: tuple[Rule[Any], ...] = AFTER + BEFORE + QUOTE + ARTICLE + COREFERENCE
_SIDES = {
    "after": "after the closing mark",
    "before": "before the opening mark",
    "sentence": "in the quote's sentence",
    "headline": "in a headline",
    "article": "across the article",
    "coreference": "through the article's roster",
}


def describe() -> str:
    """The rules in order, one line each with where they read, a made-up example and who speaks
    in it: the list README.md shows under "How attribution works"."""
    lines = []
    for i, rule in enumerate(ALL, 1):
        example = rule.example.replace("\n\n", " ¶ ")
        who = rule.says or "no one"
        lines.append(f"{i}. `{rule.name}` ({_SIDES[rule.side]}): {example} → {who}")
    return "\n".join(lines) + "\n"
