"""How far extraction reads around one quotation, in one place.

Every look-back and look-ahead is bounded by one of these windows (besides the sentence or
paragraph it stays within), so the work spent on one quotation is fixed and an article's work
grows linearly with its length, whatever its shape: a sentence without a full stop or a
paragraph of quotation marks reads no further than ordinary news does. The windows are wide
enough that ordinary news never reaches their edges.
"""

from __future__ import annotations

HEAD = 400  # characters read before an opening mark for the attribution ("Lee told them: “")
TAIL = 400  # characters read after a closing mark for the attribution ("…,” Lee said")
CUE_AFTER = 120  # characters after a quotation where a verb of speech makes it speech
SENTENCE = 400  # characters of its sentence read before a quotation to decide its kind
NESTED_HEAD = 120  # characters of the outer quote read before a nested one for its cue
SUBJECT = 60  # characters from a sentence's start within which its subject is named
HEADLINE = 200  # characters around a headline's quotation searched for the name it quotes
ANTECEDENT = 2000  # characters a pronoun looks back for who it refers to
ORGANISATIONS = 10000  # characters either side of "the group" where its organisation is named
ROLE_HOLDERS = 200  # named people looked back over for the holder of a role ("the mayor")
NAME_LENGTH = 100  # characters of the longest name looked for in a headline
NAME_WORDS = 12  # runs of letters in the longest name looked for ("Jean-Luc de la Cruz")

CREDIT = 400  # characters around an attribution where an outlet credited for it is looked for
CREDIT_AFTER = 40  # characters past an attribution where the credit after it may start
OUTLET_NAME = 120  # characters an outlet's name is read over beside its cue ("according to …")

CUE_REACH = 150  # characters after a quote within which the verb of its attribution is looked for
DASH_TAIL = 100  # the longest tail a dash attribution closes ("… — Mayor Ana Ruiz")
COMMA_HANDOVER = 80  # characters after a quote inside a clause where a comma hands over to a cue
SAID_AFTER = 60  # characters after a quote ending a sentence read for "Trump said." after it
INTRODUCTION = 60  # characters before a quote read for the verb that introduces it ("told us:")
NICKNAME = 30  # characters either side of a quoted word read for the name around it
END_PATTERN = 100  # characters from a text's end that a pattern anchored at the end is tried from
NESTED_GAP = 12  # characters between a nested quote and the cue before it, at most
OPEN_PARAGRAPHS = 4  # paragraphs of one quotation, reopened and never closed, read back over
NOMINAL = 40  # characters before "union" read for its determiner and modifiers ("the local union")
AUTHOR = 200  # characters around a document's mention read for its author ("a letter sent by …")
OWNER = 80  # characters before a document's mention read for its owner ("Sanders’ email")
FRONTED = 40  # characters before "In a letter …, the group said" read for its opening
TITLE_LINE = 200  # the longest line read as a page's title
BYLINE = 60  # the longest line read as a byline
BODY_NOUN = 40  # characters before a name read for the body it is ("the firm Acme", "his firm,")

# The safety net on a whole article's work: quotations past this many, or after this many marks
# (apostrophes count), are neither attributed nor returned, and extraction says so (see
# `extract_quotes`). Ordinary news has a few dozen quotations and a few hundred marks.
MAX_QUOTES = 5000
MAX_MARKS = 100_000
