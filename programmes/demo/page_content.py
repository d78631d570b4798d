"""The demo home page, programme index, standard pages and site settings.

Bodies that link to other pages are functions of those pages' ids, because the ids only exist
once the loader has created the pages.
"""

from collections.abc import Mapping

from wagtail.models import Page

from .html import email_link, p, page_link, ul
from .programme_content import PROGRAMMES, leadership_qualities_list

SERVICE_NAME = "Leadership portal"
ORGANISATION_NAME = "Eastern Region school leadership partnership"
CONTACT_EMAIL = "leadership@example.org"
DATA_PROTECTION_EMAIL = "dpo@example.org"
ACCESSIBILITY_EMAIL = "accessibility@example.org"
FOOTER_TEXT = p(
    "A partnership of local authorities in the East of England, working with their schools to "
    "grow the next generation of leaders."
)

HOME_SLUG = "growing-leaders"
HOME_TITLE = "Growing leaders in our schools"
HOME_INTRODUCTION = (
    "Find leadership development for school staff at every stage, from teaching assistant to "
    "headteacher, and see what schools learned by working together."
)

PROGRAMME_INDEX_SLUG = "programmes"
PROGRAMME_INDEX_TITLE = "Programmes"
PROGRAMME_INDEX_INTRODUCTION = (
    "Leadership projects run by local authorities and their schools. Filter the list by local "
    "authority, theme, career stage or status."
)

ABOUT_SLUG = "about"
PRIVACY_SLUG = "privacy"
ACCESSIBILITY_SLUG = "accessibility"

# One line per programme on the about page, keyed by programme slug.
PROGRAMME_ONE_LINERS = {
    "terrific-teams": "in Bedford, aspiring leaders watch senior leadership teams at work in other schools",
    "deputy-headteacher-networks": "in Essex and Hertfordshire, deputy headteachers work and coach "
    "across groups of schools",
    "better-together": "in Norfolk, what makes a cluster of schools work well",
    "leap-kite-mark": "in Peterborough, a kite mark for schools that develop leaders at every level",
    "deputy-exchange": "in Suffolk, deputy headteachers spend time in each other's schools",
    "growing-your-own-leaders": "in Thurrock, how schools grow leaders from their own staff",
    "heads-you-win": "in Hammersmith and Fulham, development and peer support for headteachers",
}


def home_body(*, about_page_id: int, programme_index: Page) -> list:
    return [
        ("heading", {"text": "Schools learning from each other", "size": "h2"}),
        (
            "paragraph",
            p(
                "In the 2010 to 2011 school year, seven local authorities in the East of England each "
                "ran a small research project on school leadership. Between them, 87 schools took part.",
                "The portal also includes Heads You Win, a programme for headteachers in Hammersmith "
                "and Fulham in London.",
                "Each project is described here: what it set out to do, what happened and what "
                "schools learned. Some are being offered again.",
                page_link(about_page_id, "Read more about the programme"),
            ),
        ),
        ("button", {"text": "Find a programme", "page": programme_index, "url": ""}),
    ]


def privacy_body() -> list:
    return [
        (
            "inset_text",
            {
                "text": p(
                    "This is demonstration content. Your data protection officer must check and "
                    "replace it before the portal holds real people's information."
                )
            },
        ),
        ("heading", {"text": "Who we are", "size": "h2"}),
        (
            "paragraph",
            p(
                f"The {SERVICE_NAME.lower()} is run by the {ORGANISATION_NAME} for its local "
                "authorities (LAs). The LA for your school is responsible for your personal "
                "information (it is the 'controller'). It decides how your information is used and "
                "must keep it safe.",
                "You can read the public pages without giving us any personal information. We only "
                "use the cookies the site needs to work, such as the one that keeps you signed in.",
            ),
        ),
        ("heading", {"text": "What we hold about you", "size": "h2"}),
        (
            "paragraph",
            p("If you register as an aspiring leader, we hold:")
            + ul(
                "your name and email address",
                "your school, your current role and the role you are aiming for",
                "when you think you will be ready for that role, and your qualifications",
                "how you rate yourself against the leadership qualities, and the evidence you give",
                "the career steps you plan and the programmes you are interested in",
                "notes your School Improvement Partner makes when they follow up your plans",
                "a record of who has looked at or downloaded your information",
            ),
        ),
        ("heading", {"text": "Why we hold it", "size": "h2"}),
        (
            "paragraph",
            p("We use your information to:")
            + ul(
                "help you plan your development and your next career step",
                "let your School Improvement Partner support you",
                "help LAs plan leadership development and find future leaders for their schools",
            )
            + p(
                "We do this as part of the LA's public task of supporting schools to improve. Where "
                "we ask for your consent, for example to put you forward as a 'rising star', you can "
                "withdraw it at any time from your profile.",
            ),
        ),
        ("heading", {"text": "Who can see it", "size": "h2"}),
        (
            "paragraph",
            p("Only these people can see your information:")
            + ul(
                "you",
                "the School Improvement Partner (SIP) assigned to your school",
                "LA officers in your school's LA",
                "a small number of administrators who keep the portal running, and only to fix problems",
            )
            + p(
                "Other aspiring leaders, staff in other schools and officers in other LAs cannot see "
                "it. We never sell your information or use it for marketing.",
                "We keep a record each time someone other than you views or downloads your information.",
            ),
        ),
        ("heading", {"text": "How long we keep it", "size": "h2"}),
        (
            "paragraph",
            p(
                "We keep your information while you have an account. You can delete your account, "
                "and everything in it, at any time from your profile.",
                "If you do not use your account for 3 years, we will email you. If you do not sign "
                "in within 30 days of that email, we will delete your account.",
            ),
        ),
        ("heading", {"text": "Your rights", "size": "h2"}),
        (
            "paragraph",
            p("Under UK data protection law (the UK GDPR) you have the right to:")
            + ul(
                "get a copy of your information",
                "have wrong information corrected",
                "have your information deleted",
                "object to how we use it, or ask us to limit it",
                "take your information to another organisation",
                "withdraw your consent, where we asked for it",
            )
            + p(
                "You can download or delete your information yourself from your profile. For "
                "anything else, contact our data protection officer. We will reply within one month.",
            ),
        ),
        ("heading", {"text": "Contact the data protection officer", "size": "h2"}),
        ("paragraph", p(f"Email {email_link(DATA_PROTECTION_EMAIL)}.")),
        ("heading", {"text": "If you are not happy", "size": "h2"}),
        (
            "paragraph",
            p(
                "Please contact us first so that we can try to put things right. You can also "
                'complain to the <a href="https://ico.org.uk/make-a-complaint/">Information '
                "Commissioner's Office (ICO)</a>."
            ),
        ),
    ]


def accessibility_body() -> list:
    return [
        (
            "paragraph",
            p(
                f"This statement covers the {SERVICE_NAME.lower()}: the public pages and the pages "
                "you use after you sign in. We want as many people as possible to be able to use it. "
                "For example, you should be able to:"
            )
            + ul(
                "change colours, contrast levels and fonts using your browser or device settings",
                "zoom in up to 400% without the text spilling off the screen",
                "get around the whole site using just a keyboard",
                "use the site with a screen reader",
                "understand the content, which is written in plain English",
            ),
        ),
        ("heading", {"text": "How accessible this portal is", "size": "h2"}),
        (
            "paragraph",
            p(
                "We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level "
                "AA. The portal is built with GOV.UK Frontend, whose designs have been tested with "
                "disabled people and assistive technology.",
                "We check every page with automated accessibility tests.",
            ),
        ),
        ("heading", {"text": "Known problems", "size": "h2"}),
        (
            "paragraph",
            p(
                "We do not know of any part of the portal that fails WCAG 2.2 AA. Automated tests "
                "cannot find every problem, so please tell us if something does not work for you.",
                "Some documents on programme pages, such as PDFs, are written by LAs and may not be "
                "fully accessible. If you need a document in another format, ask us.",
            ),
        ),
        ("heading", {"text": "Report a problem", "size": "h2"}),
        (
            "paragraph",
            p(
                f"Email {email_link(ACCESSIBILITY_EMAIL)}. Tell us the web address of the page, what "
                "went wrong and what device and software you use. We will reply within 5 working days."
            ),
        ),
        ("heading", {"text": "If you are not happy with our response", "size": "h2"}),
        (
            "paragraph",
            p(
                "The Equality and Human Rights Commission (EHRC) enforces the Public Sector Bodies "
                "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are "
                "not happy with how we respond to your complaint, contact the Equality Advisory and "
                "Support Service (EASS).",
            ),
        ),
        ("heading", {"text": "Reviewing this statement", "size": "h2"}),
        ("paragraph", p("We review this statement at least once a year and after any major change.")),
    ]


def about_body(*, programme_ids: Mapping[str, int], privacy_page_id: int) -> list:
    project_items = [
        f"{page_link(programme_ids[programme.slug], programme.title)}: {PROGRAMME_ONE_LINERS[programme.slug]}"
        for programme in PROGRAMMES
        if programme.slug in programme_ids
    ]
    return [
        ("heading", {"text": "What the programme set out to do", "size": "h2"}),
        (
            "paragraph",
            p(
                "The aim was to improve school leadership at every level: both how good it is and "
                "how many people are able to lead. Schools did this by working together as a group "
                "rather than alone.",
                "In the 2010 to 2011 school year, seven local authorities (LAs) took part: Bedford, "
                "Essex, Hertfordshire, Norfolk, Peterborough, Suffolk and Thurrock. Each LA had a "
                "grant of £2,500 to run a research project of its own. In total, 87 schools were "
                "involved.",
            ),
        ),
        ("heading", {"text": "The projects", "size": "h2"}),
        (
            "paragraph",
            ul(*project_items)
            + p(
                "Heads You Win did not run in the Eastern Region. It is included as an example of a "
                "programme for serving headteachers."
            ),
        ),
        ("heading", {"text": "What the projects found", "size": "h2"}),
        (
            "paragraph",
            p(
                "The projects did different things, but the LAs reported many of the same results. "
                "All of them said a small grant had brought a wide range of benefits. Across the region:"
            )
            + ul(
                "Schools understood better what makes leadership effective and what gets in its way. "
                "Peterborough turned this into a kite mark with clear criteria.",
                "People who took part, from middle leaders to headteachers, grew a great deal as leaders.",
                "Future leaders were found, and they now have a clearer idea of their route into leadership.",
                "Partnerships between schools grew stronger. Schools learned what makes a partnership "
                "work and passed it on. They gained from sharing expertise and from seeing different "
                "styles of leadership.",
                "Creativity, risk taking and new ideas were encouraged, to improve leadership, "
                "teaching and learning.",
                "Schools agreed a shared view of where they wanted to go, chose what to tackle first "
                "and brought colleagues with them.",
                "More people saw the need to keep planning for sustainable leadership and succession.",
            ),
        ),
        (
            "inset_text",
            {
                "text": p(
                    "Each LA estimated the impact on sustainable leadership in its area, on a scale "
                    "from 1 (little or none) to 10 (high). The average was <strong>8.2</strong>. These "
                    "are the LAs' own estimates, not an independent evaluation."
                )
            },
        ),
        ("heading", {"text": "Qualities of an effective leader", "size": "h2"}),
        (
            "paragraph",
            p(
                "Peterborough's project listed the qualities a headteacher needs. The portal uses them "
                "so that aspiring leaders at every level can rate themselves and give evidence."
            )
            + leadership_qualities_list(),
        ),
        ("heading", {"text": "How the portal helps", "size": "h2"}),
        (
            "paragraph",
            p(
                "In Bedford, people who took part were added to the LA's database of future leaders, "
                "and School Improvement Partners (SIPs) followed up their next career steps on school "
                "visits. The portal does the same job online, for every LA:"
            )
            + ul(
                "aspiring leaders register, keep a profile and record their next career steps",
                "they can register their interest in programmes",
                "their SIP reviews their progress at school visits",
                "LA officers use the information to plan leadership development across the LA",
            )
            + p(
                page_link(privacy_page_id, "Read the privacy notice")
                + " to find out who can see your information."
            ),
        ),
    ]


STANDARD_PAGES = {
    PRIVACY_SLUG: {
        "title": "Privacy notice",
        "introduction": "How the portal uses your personal information, who can see it and what "
        "your rights are.",
        "show_in_menus": False,
    },
    ACCESSIBILITY_SLUG: {
        "title": "Accessibility statement",
        "introduction": "How accessible the portal is, and how to tell us about a problem.",
        "show_in_menus": False,
    },
    ABOUT_SLUG: {
        "title": "About the programme",
        "introduction": "Why local authorities in the Eastern Region worked together on school "
        "leadership, and what they found.",
        "show_in_menus": True,
    },
}
