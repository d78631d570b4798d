"""Local authorities and invented schools for the demo.

The Eastern Region report says 87 schools took part across seven LAs but does not name them,
so every school here is made up: plausible English names and URNs from 990001 up, a range
no real school uses. Everything is generated from fixed lists, so each run gives the same rows.
"""

from dataclasses import dataclass

from programmes.models import School

FIRST_EASTERN_URN = 990001
FIRST_HEADS_YOU_WIN_URN = 990101


@dataclass(frozen=True)
class DemoAuthority:
    slug: str
    name: str
    school_count: int
    clusters: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoSchool:
    urn: int
    name: str
    local_authority_slug: str
    phase: str
    cluster: str


# 87 schools in all, as in the report. The split between LAs is our own guess.
EASTERN_AUTHORITIES = (
    DemoAuthority("bedford", "Bedford", 10, ("Town cluster", "Northern villages cluster")),
    DemoAuthority("essex", "Essex", 12, ("Riverside partnership",)),
    DemoAuthority("hertfordshire", "Hertfordshire", 16, ("North Herts network", "Valley schools network")),
    DemoAuthority("norfolk", "Norfolk", 15, ("Coastal cluster", "Market towns cluster", "Fen edge cluster")),
    DemoAuthority("peterborough", "Peterborough", 12, ("City schools partnership",)),
    DemoAuthority("suffolk", "Suffolk", 10, ("Heath federation", "Estuary collaboration")),
    DemoAuthority("thurrock", "Thurrock", 12, ("Thurrock primary network",)),
)
HEADS_YOU_WIN_AUTHORITY = DemoAuthority("hammersmith-and-fulham", "Hammersmith and Fulham", 5)
ALL_AUTHORITIES = (*EASTERN_AUTHORITIES, HEADS_YOU_WIN_AUTHORITY)

EASTERN_NAME_STEMS = (
    "Willow Brook", "Oakfield", "Heathside", "Kingsmead", "Brookvale", "Ashgrove", "Meadowbank",
    "Hollybush", "Foxhill", "Larkrise", "Beacon Hill", "Chestnut Grove", "Mill Lane", "Rosewood",
    "Orchard Way", "Fenview", "Riverside", "Abbey Fields", "Greenacres", "Hawthorn", "Saxon Way",
    "Marsh Lane", "Windmill Hill", "Church Meadow", "Cedar Park", "Elmhurst", "Poppyfields",
    "Beechwood", "Lavender Fields", "Swanmead", "Thistledown", "Heronsgate", "Kestrel Rise",
    "Maple Grove", "Pinewood", "Bridgefoot", "Oak Tree", "Wheatfield", "Stonebridge", "Ferndale",
    "Hillcrest", "Primrose Hill", "Holme Lea", "Westfields", "Eastbrook", "Northgate", "Southlands",
    "Cherry Orchard", "Longmeadow", "Blackthorn", "Bramble Lane", "Harvest Fields", "Coppice Wood",
    "Sandpit Lane", "Brickfields", "Lantern Hill", "Otter Brook", "Linden Road", "Acorn Hill",
    "Quayside", "Sycamore", "Marshfield", "Sunnymead", "Rowan Tree", "Highfield", "Valley Road",
    "Goldcrest", "Falcon Heath", "Dovecote", "Reedmere", "Broadwater", "Spring Meadow",
    "Copper Beech", "Woodpecker", "Fairfield", "Greenway", "Hazelwood", "Kingfisher", "Mulberry",
    "Parkside", "Redwing", "Skylark", "Tollgate", "Wildflower", "Yew Tree", "Appletree", "Bluebell",
)  # fmt: skip
HEADS_YOU_WIN_NAME_STEMS = ("Riverbank", "Lime Walk", "Canal Side", "Elmstead", "Market Lane")

P, S = School.Phase.PRIMARY, School.Phase.SECONDARY
# Repeats three times over the 87 Eastern schools: mostly primary, as in most LAs.
PHASE_CYCLE = (
    P, P, S, P, P, P, P, School.Phase.SPECIAL, P, P, S, P, P, P, School.Phase.NURSERY,
    P, P, S, P, P, P, P, School.Phase.ALL_THROUGH, P, S, P, P, P, School.Phase.SIXTEEN_PLUS,
)  # fmt: skip
HEADS_YOU_WIN_PHASES = (P, P, S, P, P)

NAME_ENDINGS = {
    School.Phase.PRIMARY: (
        "Primary School",
        "Primary Academy",
        "Infant School",
        "Church of England Primary School",
        "Junior School",
        "Community Primary School",
    ),
    School.Phase.SECONDARY: ("High School", "Academy", "Community College", "Secondary School"),
    School.Phase.SPECIAL: ("Special School",),
    School.Phase.NURSERY: ("Nursery School",),
    School.Phase.ALL_THROUGH: ("Academy",),
    School.Phase.SIXTEEN_PLUS: ("Sixth Form College",),
}


def _school_name(stem: str, phase: str, position: int) -> str:
    endings = NAME_ENDINGS[phase]
    return f"{stem} {endings[position % len(endings)]}"


def _cluster(authority: DemoAuthority, position: int) -> str:
    """Most schools work in a named cluster; every fourth one does not."""
    if not authority.clusters or position % 4 == 3:
        return ""
    return authority.clusters[position % len(authority.clusters)]


def eastern_schools() -> list[DemoSchool]:
    """The 87 invented Eastern Region schools, in URN order."""
    schools = []
    position = 0
    for authority in EASTERN_AUTHORITIES:
        for position_in_la in range(authority.school_count):
            phase = PHASE_CYCLE[position % len(PHASE_CYCLE)]
            schools.append(
                DemoSchool(
                    urn=FIRST_EASTERN_URN + position,
                    name=_school_name(EASTERN_NAME_STEMS[position], phase, position),
                    local_authority_slug=authority.slug,
                    phase=phase,
                    cluster=_cluster(authority, position_in_la),
                )
            )
            position += 1
    return schools


def heads_you_win_schools() -> list[DemoSchool]:
    """A few invented Hammersmith and Fulham schools. The source does not say how many heads took part."""
    return [
        DemoSchool(
            urn=FIRST_HEADS_YOU_WIN_URN + position,
            name=_school_name(stem, phase, position),
            local_authority_slug=HEADS_YOU_WIN_AUTHORITY.slug,
            phase=phase,
            cluster="",
        )
        for position, (stem, phase) in enumerate(
            zip(HEADS_YOU_WIN_NAME_STEMS, HEADS_YOU_WIN_PHASES, strict=True)
        )
    ]


def demo_schools() -> list[DemoSchool]:
    return eastern_schools() + heads_you_win_schools()
