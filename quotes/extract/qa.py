"""Transcripts: answers after "A:" and lines after a speaker's label ("PENCE: …") are quotes."""

from __future__ import annotations

from collections import Counter

import regex

from quotes.extract import lexicon as lx
from quotes.extract.marks import paragraphs
from quotes.extract.names import clean_token
from quotes.extract.roster import Roster
from quotes.model import Article, Quote, Speaker

_QUESTION = regex.compile(r"(?:Q|Question)\s*[:.]\s+")
_ANSWER = regex.compile(r"(?:A|Answer)\s*[:.]\s+")
_LABEL = regex.compile(r"(?P<name>\p{Lu}[\p{Lu}.'’ -]{1,30}\p{Lu}):\s+(?=\S)")
_INTERVIEW = regex.compile(
    r"(?:[Ii]nterview|Q\s?&\s?A|[Cc]onversation)\s+with\s+"
    rf"(?P<name>(?:{lx.CAPITALISED}[ \t]*){{1,4}})"
)
_HOSTS = frozenset({"Q", "QUESTION", "MODERATOR", "HOST", "INTERVIEWER", "REPORTER", "AUDIENCE"})


def transcript_quotes(article: Article, roster: Roster, limit: int) -> list[Quote]:
    """Answers in a Q&A (two or more "Q:" paragraphs) and labelled lines of a transcript: the
    first `limit` of them."""
    text = article.text
    paras = paragraphs(text)
    questions = sum(1 for lo, hi in paras if _QUESTION.match(text, lo, hi))
    labels = Counter(m["name"].strip() for lo, hi in paras if (m := _LABEL.match(text, lo, hi)))
    out: list[Quote] = []
    interviewee = _interviewee(text, roster) if questions >= 2 else None
    for lo, hi in paras:
        if out and not out[-1].text:
            out.pop()  # a label with nothing after it
        if len(out) >= limit:
            break
        if questions >= 2 and (m := _ANSWER.match(text, lo, hi)):
            out.append(_quote(article, m.end(), hi, interviewee))
        elif (m := _LABEL.match(text, lo, hi)) and m["name"].strip() not in _HOSTS:
            name = m["name"].strip().title()
            known = roster.person(name.split()[-1], lo)
            # A transcript names its speakers again and again, or names people the article knows.
            if labels[m["name"].strip()] >= 2 or " " in known.name:
                speaker = known if " " in known.name else Speaker(name, "person")
                out.append(_quote(article, m.end(), hi, speaker))
    return [q for q in out if q.text]


def _quote(article: Article, start: int, end: int, speaker: Speaker | None) -> Quote:
    words = article.text[start:end].strip()
    start += len(article.text[start:end]) - len(article.text[start:end].lstrip())
    rule = "transcript" if speaker else None
    return Quote(article.id, words, start, start + len(words), "answer", speaker, "Q&A", rule=rule)


def _interviewee(text: str, roster: Roster) -> Speaker | None:
    """The person the interview is with: named after "interview with", else the most named."""
    m = _INTERVIEW.search(text)
    if m:
        words = [clean_token(w) for w in m["name"].split()]
        return roster.persons.get(" ".join(words)) or roster.person(words[-1], m.start())
    people = Counter(x.speaker for x in roster.mentions if x.speaker.kind == "person")
    return people.most_common(1)[0][0] if people else None
