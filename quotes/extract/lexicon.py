"""Word lists that let plain rules tell people, roles, organisations and documents apart."""

from __future__ import annotations

from collections.abc import Iterable

import regex


def wordlist(text: str) -> list[str]:
    """The words of a whitespace-separated list, so long lists stay readable."""
    return text.split()


def _words(text: str) -> frozenset[str]:
    return frozenset(wordlist(text))


# Common given names, for telling a person from a place and for "he"/"she".
MALE = _words("""
aaron adam adrian al alan albert alex alexander alfred andre andrew andy angel anthony antonio
arthur austin barack barak ben benjamin bernie bill billy bob bobby brad bradley brandon brett
brian bruce bryan carl carlos chad charles charlie chris christopher chuck clarence clay cory
craig curtis dale dan daniel danny darrell dave david dean dennis derek devin dick don donald doug
douglas duncan dwight ed eddie edward eli elijah eric ernest eugene evan frank franklin fred
gabriel gary gavin gene george gerald glenn gordon greg gregory harold harry hector henry howard
hunter ian isaac jack jacob jake james jared jason jay jeb jeff jeffrey jeremy jerry jesse jim
jimmy joe joel john johnny jon jonathan jordan jorge jose joseph josh joshua juan julian justin
keith ken kenneth kevin kyle larry lawrence lee leon lindsey louis luis luke marco marcus mario
mark martin matt matthew max michael mickey mike mitch mitchell mohammed muhammad nathan neil newt
nicholas nick noah oliver omar oscar patrick paul pete peter phil philip ralph randy ray raymond
reince rex ricardo richard rick rob robert rod roger ron ronald roy rudy rush russell ryan sam
samuel scott sean sergei seth shawn sherrod stephen steve steven stuart ted terry thomas tim
timothy todd tom tommy tony travis trey troy tyler victor vince vincent vladimir walter wayne will
william willie xi zach zachary christian damian fabian florian killian sebastian
""")
FEMALE = _words("""
abigail alexandra alice alicia alison allison amanda amber amy ana andrea angela anita ann anna
anne annie ashley barbara betsy betty beverly brenda brittany carly carol caroline carolyn
catherine cathy cecilia charlotte cheryl christina christine cindy claire claudia colleen connie
cynthia danielle deborah debbie debra denise diana diane donna doris dorothy elaine eleanor
elizabeth ellen emily emma erin evelyn fiona frances gabrielle gina gloria grace hannah heather
heidi helen hillary holly hope irene jane janet janice jean jeanne jennifer jessica jill jo joan
joann joanne jodi josephine joyce judith judy julia julie karen kate katherine kathleen kathryn
kathy katie kay kayleigh kelly kellyanne kim kimberly kirsten kristen laura lauren leah linda lisa
liz lois loretta lori lorraine louise lucy lynn madeline maggie margaret maria marie marilyn
marsha martha mary maxine megan melania melissa michelle mikki monica nancy natalie nicole nikki
nina nora olivia pam pamela patricia patty paula peggy penny rachel rebecca regina rita roberta
robin rosa rose ruth sally samantha sandra sara sarah sharon sheila shirley sophia sophie stacey
stephanie sue susan suzanne tammy tara teresa theresa tiffany tina tracy valerie vanessa victoria
virginia wendy whitney yvonne zoe vivian lillian marian
""")
GIVEN_NAMES = MALE | FEMALE  # built once: a union in every test would rebuild the whole set
HONORIFIC_GENDER = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
}
GENDERED_NOUNS = {
    **dict.fromkeys(
        wordlist(
            "spokeswoman chairwoman congresswoman councilwoman businesswoman woman mother wife "
            "daughter sister actress queen princess lady grandmother girl aunt"
        ),
        "f",
    ),
    **dict.fromkeys(
        wordlist(
            "spokesman chairman congressman councilman businessman man father husband son brother "
            "actor king prince grandfather boy uncle"
        ),
        "m",
    ),
}
# Titles and roles written before a name: "Deputy Police Chief Jami Resch", "Sen. Ruiz".
ROLES = _words("""
president vice sen. senator rep. representative gov. governor lt. lieutenant mayor chief deputy
commissioner secretary director attorney general judge justice officer sgt. sergeant capt. captain
detective spokesman spokeswoman spokesperson chairman chairwoman chair councilman councilwoman
councilor councillor speaker leader minister premier ambassador dr. mr. mrs. ms. miss prof.
professor rev. reverend pastor bishop pope gen. col. maj. adm. admiral sheriff marshal
superintendent ceo executive founder candidate nominee former assistant associate acting interim
senior first lady king queen prince princess sir dame lord delegate assemblyman assemblywoman
congressman congresswoman alderman supervisor treasurer comptroller auditor clerk coach inspector
agent trooper chancellor dean principal manager adviser advisor aide correspondent editor
columnist anchor host rabbi imam cardinal archbishop sen rep gov dr mr mrs ms prof rev gen col maj
adm det. lt capt sgt u.s. state federal police majority minority whip democratic republican gop
chairperson press pres. pres pm striker forward midfielder defender goalkeeper winger captain
skipper champion quarterback pitcher duke duchess earl countess baron baroness actor actress
lawyer singer rapper comedian activist journalist billionaire entrepreneur democrat
""")
# Last words that make a capitalised name an organisation: "Portland Police Bureau".
ORG_HEADS = _words("""
bureau department council union association party committee agency service office administration
commission court congress senate house institute university college foundation center centre
corporation corp corp. inc inc. company co co. group network campaign coalition alliance league
federation society organization organisation church ministry police army navy force guard board
bank fund trust club caucus socialists democrats republicans government cabinet assembly
legislature school schools hospital clinic reserve exchange authority district project initiative
team times post news journal tribune herald media press magazine power energy electric gas
airlines motors systems technologies partners holdings industries labs pharmaceuticals
airways foods water brands ltd ltd. plc llc kaisha gmbh palace kremlin academy
""")
GOVERNMENT_HEADS = _words("""
bureau department agency service office administration commission court congress senate house
ministry police army navy force guard government cabinet assembly legislature authority district
""")
# Nouns for organisations that articles use instead of the name: "the union", "the group".
ORG_NOUNS = _words("""
group union company organization organisation firm agency department bureau campaign committee
coalition association council party ministry administration government office board chapter
nonprofit network alliance league federation institute foundation center club commission
court regulator watchdog airline carrier retailer charity insurer lender automaker manufacturer
palace academy
""")
# Documents that "say" things: "the letter alleges", "according to a statement".
DOC_NOUNS = _words("""
letter statement email e-mail memo memorandum report lawsuit complaint filing release post tweet
op-ed editorial video ad advertisement commercial website ruling order indictment affidavit motion
brief study survey petition notice announcement document documents statements letters records
transcript message note resolution proposal bill plan poll analysis audit review guidance decision
opinion warrant subpoena
""")
# Plural nouns for people in numbers: "the groups", "federal officials".
GROUP_NOUNS = _words("""
groups organizations executives officials activists protesters protestors demonstrators members
agents officers police lawmakers legislators senators residents critics supporters opponents
advocates leaders democrats republicans investigators prosecutors experts scientists researchers
analysts economists doctors workers employees students parents teachers voters authorities unions
companies families neighbors witnesses sources people organizers administrators aides staffers
attorneys lawyers representatives insiders observers diplomats officers troops soldiers americans
citizens activists conservatives liberals progressives delegates members campaigners scholars
historians spokesmen
""")
# Closed classes of English words, each written once: word sets and the rules' regular
# expressions (through `either`) are built from these.
ARTICLES = ("the", "a", "an")
THIRD_PERSON_POSSESSIVES = ("his", "her", "their", "its")
POSSESSIVE_DETERMINERS = (*THIRD_PERSON_POSSESSIVES, "our", "my", "your")
DEMONSTRATIVES = ("this", "that", "these", "those")
QUANTIFIERS = tuple(
    wordlist("some many several two three four five six both all each every another one")
)
DETERMINERS = frozenset(
    ARTICLES + POSSESSIVE_DETERMINERS + DEMONSTRATIVES + ("whose",) + QUANTIFIERS
)
THIRD_PERSON_SUBJECTS = ("he", "she", "they")
SUBJECT_PRONOUNS = (*THIRD_PERSON_SUBJECTS, "it", "we", "i")
RELATIVES = ("who", "whom", "whose", "which", "that")
# Common verbs in the past tense (and "is", "are"), where a subject ends: "Ruiz took".
COMMON_PAST = tuple(
    wordlist(
        "took made gave went came got had was were is are said told wrote spoke put set ran met "
        "sent led held kept left brought thought felt saw knew became began stood won lost"
    )
)
# Auxiliaries before a verb ("has said", "would add"), and the modal and "do" forms.
AUXILIARIES = ("is", "are", "was", "were", "has", "have", "had", "will", "would")
MODALS = ("can", "could", "does", "did")
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "they": "pl",
    "them": "pl",
    "their": "pl",
    "it": "it",
    "its": "it",
    "we": "pl",
    "our": "pl",
    "i": "i",
    "my": "i",
    "me": "i",
    "you": "you",
}
# A word opening with a capital, with periods, apostrophes or hyphens: "Sen.", "O’Neil", as a
# regular-expression fragment; a name's last word has no period: "Ruiz".
CAPITALISED = r"\p{Lu}[\p{L}.'’-]*"
NAME_END = r"\p{Lu}[\p{L}'’-]+"
# A capitalised name of one to four words: "Ana Ruiz", "Sen. Ted Cruz", "Jean-Luc O’Neil".
NAME = rf"(?:{CAPITALISED}\s+){{0,3}}{NAME_END}"
# Conjunctions opening a clause of time or cause: a verb after one is not a speaker's ("…,” hours
# after the witness testified"; "said Lee as he left").
SUBORDINATORS = tuple(
    wordlist("after before when while as because although though since until whereas if")
)
# Verbs of speech that open an inverted sentence before its speaker: "Said Vale, “…”".
INVERTED_CUES = ("Said", "Says", "Added", "Asked")
# The legal forms that may end a company's name ("Acme Ltd", "Tomo Kaiun Kaisha").
LEGAL_FORMS = _words("ltd inc corp co llc plc gmbh ag sa kaisha")
# Abbreviations whose period ends no sentence ("Sen. Ruiz", "Acme Inc. said", "Calif."): the one
# list, each with its kind; a name may end with a "suffix" ("Ted Cruz Jr.", "Acme Ltd.").
ABBREVIATIONS = {
    **dict.fromkeys(
        wordlist(
            "Mr Mrs Ms Dr Sen Rep Gov Lt Gen Col Capt Sgt Cpl Adm Maj Prof Rev Hon Pres Supt Det "
            "Atty"
        ),
        "title",
    ),
    **dict.fromkeys(wordlist("Jr Sr Inc Corp Co Ltd Plc"), "suffix"),
    **dict.fromkeys(wordlist("St Mt Ft Ave Blvd Rd No"), "place"),
    **dict.fromkeys(wordlist("Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec"), "month"),
    **dict.fromkeys(
        wordlist(
            "Calif Ariz Fla Mass Mich Minn Penn Tenn Tex Wash Wis Conn Ill Ind Kan Ore Okla Va Pa "
            "Ga La Md Mo Ky Ala Ark Colo Del Neb Nev Miss"
        ),
        "state",
    ),
    **dict.fromkeys(wordlist("vs etc"), "other"),
}
SUFFIXES = tuple(w for w, kind in ABBREVIATIONS.items() if kind == "suffix")


def either(words: Iterable[str], capital: bool = False) -> str:
    """Words as one regular-expression alternation, each also with a capital first letter when
    `capital` ("[Tt]he|[Aa]n")."""
    if capital:
        return "|".join(f"[{w[0].upper()}{w[0]}]{regex.escape(w[1:])}" for w in words)
    return "|".join(regex.escape(w) for w in words)


THE_OR_HIS = either(ARTICLES + THIRD_PERSON_POSSESSIVES)  # "in the/his/its statement"
WEEKDAYS = wordlist("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = wordlist(
    "january february march april may june july august september october november december"
)


# Capitalised words that open sentences rather than name anyone: stripped from the front of a name.
FUNCTION_WORDS = _words("""
the a an and but or so if as at by for from in into of on to with without after before because
when while where why how what who which that this these those there here then now today yesterday
tomorrow it he she they we i you his her their our its my your not no yes also still even just
only all some many most more according despite during under over about against between through
since until meanwhile however although though like unlike amid among within upon via per read
related update trending photo video watch click share follow subscribe advertisement editor’s
editor's yet earlier later instead indeed thus otherwise moreover furthermore besides nevertheless
nonetheless finally second third following including regarding concerning featuring
""")
# Capitalised words that are never part of a person's name.
NOT_NAMES = FUNCTION_WORDS | _words("""
monday tuesday wednesday thursday friday saturday sunday january february march july september
october november december jan. feb. aug. sept. oct. nov. dec. one two three four five first last
next new north south east west northeast northwest southeast southwest los las san santa fort
mount lake port saint st. united states america american americans national federal state city
county republic democratic republican senate house white black mr. mrs. ms. dr. god
""")
PLACE_HEADS = _words("""
avenue street st. road way boulevard zone county city valley island river park square building
hall airport station bridge district clause amendment act bill highway lane drive plaza coast
beach mountains state states
""")
# Lower-case words inside a person's name: "Ursula von der Leyen".
NAME_PARTICLES = tuple(wordlist("van von de del la le der den ten ter 't ’t du da al bin y"))
CONNECTORS = frozenset(("of", "and", "for", "the", "on", *NAME_PARTICLES))
# Nouns for an outlet that articles use instead of its name: "the newspaper reported".
OUTLET_NOUNS = _words("""
newspaper paper outlet broadcaster magazine tabloid publication channel daily website site
""")
# Heads of an event's name: "the Open Championship" is never the one who speaks.
EVENT_HEADS = _words("""
championship championships open cup games olympics tournament series final finals awards
festival summit conference gala marathon prix trophy slam
""")
# Times and zones written in capitals: "at 4 PM", "10 GMT".
TIMES = _words("am pm a.m. p.m. gmt bst est edt cst cdt pst pdt cet utc et")
# Nouns that describe someone unnamed ("a spokeswoman", "a source close to the talks").
PERSON_NOUNS = _words("""
official source spokesman spokeswoman spokesperson aide person man woman witness resident
staff staffer friend relative neighbour neighbor expert insider colleague veteran rookie star
international youngster teenager teen player athlete fan chief head boss owner guest
victim survivor patient student pupil parent mother father child kid doctor nurse lawyer
attorney counsel prosecutor judge police officer agent official analyst economist crew team staff
family relatives narrator democrat republican independent conservative liberal
progressive
""")
# Endings of nouns for people: "officer", "economist", "spokeswoman", "30-year-old".
PERSON_ENDINGS = tuple(wordlist("er or ist ian ant ent man woman person year-old ee ess"))
# Labels a page puts before its text ("STORY:", "WATCH:", "Legal"): never anyone's name.
SECTION_LABELS = _words("""
story video watch live update updated breaking exclusive listen read photo photos gallery
legal opinion analysis comment comments transcript summary highlights advertisement sponsored image
images picture pictures credit credits caption
""")
# Words that follow a description's head noun: "spokeswoman for X", "the creator of Facebook".
AFTER_HEAD = _words("""
for of at with from in on close who whom by to after before during following since until about
amid despite
""")
# A participle clause opening a sentence, to its comma: "Citing the studies, Vale criticized …"
# ("Sterling Brown, the guard," is a name: the clause has a lower-case word after the participle).
FRONTED_PARTICIPLE = (
    r"[\s\x00]*\p{Lu}\p{Ll}+ing\s+(?=[^,\x00\n]{0,80}?\b\p{Ll})[^,\x00\n]{1,200}(?:,|$)"
)
# Nouns for two people named together: "the couple said".
PAIR_NOUNS = _words("couple pair duo")
# "Prince Edmund and his wife Clara Wynn": one of a pair named by the other's spouse.
SPOUSE = r"(?:his|her|their)\s+(?:wife|husband|partner|fianc[ée]e?|spouse)"
# The prepositions that end a name or a title ("said Petrovic after the ruling").
PREPOSITIONS = frozenset(
    [
        "of",
        "for",
        "from",
        "at",
        "in",
        "on",
        "with",
        "to",
        "by",
        "about",
        "against",
        "over",
        "under",
        "near",
        "behind",
        "after",  # "said Petrovic after the ruling"
        "before",
        "during",
        "following",
    ]
)
# Countries (and places that speak as states): "China said" is its government speaking.
COUNTRIES = frozenset(
    regex.split(
        r"\s*,\s*",
        """afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria,
azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan,
bolivia, bosnia, botswana, brazil, britain, brunei, bulgaria, burkina faso, burundi, cambodia,
cameroon, canada, chile, china, colombia, comoros, congo, costa rica, croatia, cuba, cyprus,
czechia, denmark, djibouti, dominica, ecuador, egypt, el salvador, england, eritrea, estonia,
eswatini, ethiopia, fiji, finland, france, gabon, gambia, germany, ghana, greece, grenada,
guatemala, guinea, guyana, haiti, honduras, hong kong, hungary, iceland, india, indonesia,
iran, iraq, ireland, israel, italy, jamaica, japan, kazakhstan, kenya, kiribati, kosovo, kuwait,
kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya, liechtenstein, lithuania,
luxembourg, madagascar, malawi, malaysia, maldives, mali, malta, mauritania, mauritius, mexico,
micronesia, moldova, monaco, mongolia, montenegro, morocco, mozambique, myanmar, namibia,
nauru, nepal, netherlands, new zealand, nicaragua, niger, nigeria, north korea, norway, oman,
pakistan, palau, palestine, panama, paraguay, peru, philippines, poland, portugal, qatar,
romania, russia, rwanda, samoa, san marino, saudi arabia, scotland, senegal, serbia,
seychelles, singapore, slovakia, slovenia, somalia, south africa, south korea, south sudan,
spain, sri lanka, sudan, suriname, sweden, switzerland, syria, taiwan, tajikistan, tanzania,
thailand, togo, tonga, tunisia, turkey, turkmenistan, tuvalu, uganda, ukraine, united kingdom,
united states, uruguay, uzbekistan, vanuatu, vatican, venezuela, vietnam, wales, yemen, zambia,
zimbabwe, america""".strip(),
    )
)
