"""What a demo programme is, and the parts the programme modules share."""

from dataclasses import dataclass, field

from programmes.demo.html import lead_in, ul
from programmes.models import ProgrammePage

EASTERN_GRANT = "£2,500 research grant from the Eastern Region partnership"

OPEN = ProgrammePage.Status.OPEN
COMPLETED = ProgrammePage.Status.COMPLETED


@dataclass(frozen=True)
class DemoProgramme:
    slug: str
    title: str
    summary: str
    status: str
    local_authority_slugs: tuple[str, ...]
    audience_slugs: tuple[str, ...]
    tags: tuple[str, ...]
    funding: str
    contact_name: str
    contact_email: str
    intended_outcomes: str = ""
    activities: str = ""
    outcomes: str = ""
    new_knowledge: str = ""
    building_on: str = ""
    benefits: str = ""
    body: list = field(default_factory=list)
    related_slugs: tuple[str, ...] = ()


LEADERSHIP_QUALITIES = (
    ("Passion and drive", "shows initiative and looks for opportunities"),
    ("Effective communicator", "explains clearly and listens well"),
    ("Visionary", "sees the big picture"),
    ("Emotional intelligence", "understands people and builds good working relationships"),
    ("Resilience", "keeps going when things are hard"),
    ("Motivator and enabler", "helps other people do their best"),
    ("Decision maker", "makes clear decisions at the right time"),
    ("Risk taker who trusts others", "tries new things and lets others take the lead"),
    ("Responsible for self and others", "owns their actions and looks after their team"),
    ("Reflective", "learns from mistakes"),
    ("Questions, supports and challenges others", "helps colleagues think and improve"),
)


def leadership_qualities_list() -> str:
    return ul(*(lead_in(name, f": {meaning}") for name, meaning in LEADERSHIP_QUALITIES))
