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
    Rule("dash-after", "after", "“We will rebuild.” — Mayor Ana Ruiz", after.dash),
    Rule(
        "according-to-after",
        "after",
        "“The bridge is safe,” according to engineer Tom Hale.",
        after.according_to,
    ),
    Rule(
        "comma-handover",
        "after",
        "It was “the end of an era” for the town, said Mayor Ana Ruiz.",
        after.comma_handover,
    ),
    Rule("said-name-after", "after", "“We are ready,” said coach Rita Vale.", after.said_name),
    Rule("name-verb-after", "after", "“Get out of my office,” Oliver barked.", after.name_verb),
    Rule("participle-after", "after", "(none) “We are ready,” adding that …", after.participle),
    Rule(
        "said-name-past-adjunct",
        "after",
        "“It is a bargain,” in contrast to the old plan, says analyst Tom Hale.",
        after.said_name_past_adjunct,
    ),
    Rule("sentence-break-after", "after", "(none) “Enough.” Then he said …", after.sentence_break),
    Rule(
        "last-name-after",
        "after",
        "“It is over,” after a season of long delays and lost games that cost the club its "
        "best players and most of its fans, Vale said.",
        after.last_name,
    ),
    Rule(
        "clause-after",
        "after",
        "(none) “a bad deal,” the mayor seized upon the report, saying …",
        after.clause,
    ),
    Rule("name-said-after", "after", "“We are ready,” Rita Vale said.", after.name_said),
)

BEFORE: tuple[Rule[before.Head], ...] = (
    Rule(
        "according-to-before",
        "before",
        "According to engineer Tom Hale, “the bridge is safe.”",
        before.according_to,
    ),
    Rule("said-name-before", "before", "Said Vale, “We are ready.”", before.said_name),
    Rule("label", "before", "Poll of the week - Carl Boyd: “Voters are tired.”", before.label),
    Rule(
        "owned-statement",
        "before",
        "Ruiz’s claim that the bridge was “perfectly safe” drew laughs.",
        before.owned,
    ),
    Rule("name-verb-before", "before", "Rita Vale quipped, “We are ready.”", before.name_verb),
    Rule(
        "absolute-participle",
        "before",
        "The vote passed, with Mayor Ana Ruiz calling it “a new start.”",
        before.absolute,
    ),
    Rule(
        "participle-subject",
        "before",
        "Rita Vale smiled, saying: “We are ready.”",
        before.participle_subject,
    ),
    Rule("no-subject-before", "before", "(none) … the said “bargain” …", before.no_subject),
    Rule(
        "coordinated-subject",
        "before",
        "Rita Vale took the stage and called the plan “a bargain.”",
        before.coordinated,
    ),
    Rule(
        "name-said-before", "before", "Rita Vale told reporters: “We are ready.”", before.name_said
    ),
)

QUOTE: tuple[Rule[Any], ...] = (
    Rule(
        "sentence-final",
        "sentence",
        "The plan is “cheap” and “fast” in the short run, says Rita Vale.",
    ),
    Rule("headline", "headline", "Ruiz Calls Bridge Plan ‘A Bargain’"),
    Rule(
        "name-colon",
        "sentence",
        "The vote does not surprise Republican pollster Dan Shaw: “Voters are tired.”",
    ),
    Rule("subject", "sentence", "The union wants an “end to the cuts.”"),
)

ARTICLE: tuple[Rule[Any], ...] = (
    Rule(
        "colon-paragraph",
        "article",
        "In a statement, Harbor Bank said:\\n\\n“We let our customers down.”",
    ),
    Rule(
        "continued",
        "article",
        "“We are ready,” Vale said. “We have trained all year.”",
    ),
    Rule(
        "paragraph-run",
        "article",
        "“We are ready,” Vale said.\\n\\n“We have trained all year.”",
    ),
    Rule(
        "continued-back",
        "article",
        "“We have trained all year.” “We are ready,” Vale said.",
    ),
    Rule(
        "paragraph-run-back",
        "article",
        "“We have trained all year.”\\n\\n“We are ready,” Vale said.",
    ),
    Rule(
        "self-named",
        "article",
        "“Hello, I am Rita Vale, and I run this club.”",
    ),
    Rule(
        "reported-speech",
        "article",
        "Vale said there was no scandal. “I am human.”",
    ),
    Rule(
        "subject-paragraph",
        "article",
        "Civil rights lawyer Ben Okafor applauded the verdict.\\n\\n“Justice was done.”",
    ),
    Rule("nested", "article", "“He told me, ‘Keep going,’” Vale said."),
    Rule("transcript", "article", "Q: Are you ready?\\n\\nA: We are."),
)

COREFERENCE: tuple[Rule[Any], ...] = (
    Rule(
        "coref-pronoun",
        "coreference",
        "Coach Ruth Olsen took over in May.\\n\\n“We are not done,” she said.",
    ),
    Rule(
        "coref-document",
        "coreference",
        "Greenleaf Foods recalled 20,000 jars.\\n\\n“Do not eat it,” the notice warns.",
    ),
    Rule(
        "coref-descriptor",
        "coreference",
        "Carlos Mendes scored twice.\\n\\n“It was my night,” the Brazilian forward said.",
    ),
)

ALL: tuple[Rule[Any], ...] = AFTER + BEFORE + QUOTE + ARTICLE + COREFERENCE
