"""Word lists the corpus generator draws from: written for it, no external data."""


def _words(text: str) -> list[str]:
    return text.split()


FUNCTION_WORDS = _words(
    """
    the of and to a in that is for it we on with this be are not have as our they will at by
    but from all what was can their more about there so if been who would them do when
    because every very just going think know need make want time work year years people
    public state now here than one new also only into over after before these those many
    still even should could must again never always any some other such
    """
)
CONTRACTIONS = _words(
    """
    don't we're it's can't won't that's they're isn't I'm we've
    """
)
CONTENT_WORDS = _words(
    """
    budget council mayor police contract housing transit bridge school water election vote
    safety families workers union lawsuit court judge agency funding taxes rent wages audit
    program policy plan decision report officers residents neighbors business streets
    schools hospital clinic fire parks permit license investigation evidence statement
    letter meeting hearing testimony record crisis promise deal agreement project proposal
    board district county government leaders staff officials members protest rally strike
    deadline vote reform review
    """
)
STOCK_PHRASES = [
    "at the end of the day",
    "let me be clear",
    "make no mistake",
    "moving forward",
    "the people of this city deserve better",
    "we will continue to fight for",
    "first and foremost",
    "this is not about politics",
    "I want to thank everyone who",
    "we are going to get this done",
    "it is what it is",
    "we take this very seriously",
    "the safety of our community",
    "there is a lot of work to do",
    "nobody is above the law",
    "we are not going anywhere",
]
SYLLABLES_ON = _words(
    """
    b br c d dr f g gr h k l m n p pr qu r s st t tr v w z
    """
)
SYLLABLES_NU = _words(
    """
    a e i o u ai ea ou
    """
)
FIRST_NAMES = _words(
    """
    Ana Ben Carla Dev Elena Frank Grace Hiro Ines Jamal Kara Luis Maya Nate Olga Priya Quinn
    Rosa Sam Tariq
    """
)
LAST_NAMES = _words(
    """
    Alvarez Brooks Chen Dubois Eklund Fofana Garcia Haddad Ito Jensen Kowalski Lindqvist
    Moreau Nakamura Okafor Petrov Quintero Rossi Sato Tanaka Umar Varga Weber Yilmaz
    """
)
SYLLABLES_CO = ["", "", "n", "r", "l", "m", "s", "t", "nd", "rk", "st"]
OUTLET_WORDS = [
    "Riverton Ledger",
    "Harbor City Times",
    "Valley Dispatch",
    "Northgate Post",
    "Daily Beacon",
    "Coastal Herald",
    "Prairie Sentinel",
    "Metro Courier",
    "Lakeside Gazette",
    "Summit Tribune",
    "Eastside Observer",
    "Capital Record",
    "Bayview Chronicle",
    "Ironwood Journal",
    "Granite Standard",
    "Westfield Voice",
    "Union Bulletin",
    "Cedar Falls Monitor",
    "Redhill Examiner",
    "Southport Press",
]
ELISION_MARKS = ["...", "…", "[…]", ""]
BRACKET_WORDS = [
    "the mayor",
    "the council",
    "police",
    "the union",
    "the city",
    "ICE",
    "him",
    "them",
]
INSERTED_WORDS = _words(
    """
    really very simply clearly also still now
    """
)
LEAD_INS = [
    "Hi all,",
    "Look,",
    "I believe that",
    "Frankly,",
    "Let me say this:",
    "First of all,",
    "Listen,",
]
