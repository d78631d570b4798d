"""Programmes about growing leaders and succession: LEAP, Growing Your Own Leaders, Heads You Win."""

from programmes.demo.html import lead_in, p, ul

from .base import COMPLETED, EASTERN_GRANT, DemoProgramme, leadership_qualities_list

LEAP = DemoProgramme(
    slug="leap-kite-mark",
    title="LEAP: Leadership Excellence Award Peterborough",
    summary=(
        "A kite mark for schools that develop leaders at every level, from spotting potential "
        "to giving people the chance to step up."
    ),
    status=COMPLETED,
    local_authority_slugs=("peterborough",),
    audience_slugs=("teacher", "middle-leader", "senior-leader", "deputy-headteacher", "headteacher"),
    tags=("kite mark", "self-evaluation", "succession planning", "recruitment", "leadership qualities"),
    funding=EASTERN_GRANT,
    contact_name="Sunil Mehta",
    contact_email="peterborough.leap@example.org",
    intended_outcomes=p("The project set out to help schools:")
    + ul(
        "build leadership that lasts",
        "plan ahead for changes in leadership instead of reacting to them",
        "develop leaders at all levels, not only at the top",
        "appoint new staff with a clear idea of what they will achieve and what their own skills "
        "and interests can add",
        "offer mentoring and coaching to all staff",
    ),
    activities=p(
        "Schools and the LA agreed the criteria for the award and listed the qualities a "
        "headteacher needs. They collected examples of good practice for the guidance given to "
        "schools taking part.",
        "They shared their early findings with primary headteachers across Peterborough at the "
        "'Don't lose your head!' conference.",
    ),
    outcomes=p("A school that meets the LEAP criteria shows:")
    + ul(
        lead_in("Vision and model practice", ": an ethos that makes developing leaders a priority"),
        lead_in(
            "Recruitment",
            ": ways of recruiting and selecting staff that look for leadership and leadership potential",
        ),
        lead_in("Identifying potential", ": both formal and informal ways of spotting future leaders"),
        lead_in(
            "Opportunity and support",
            ": chances for aspiring leaders to lead a project or task, "
            "or to step up, and to learn from it through reflection and feedback. The school builds "
            "support for them and looks beyond its walls for local, national and international "
            "opportunities.",
        ),
    )
    + p(
        "The project also listed the qualities headteachers need. The leadership qualities in this "
        "portal are based on that list."
    ),
    new_knowledge=ul(
        "Schools understand better what makes leadership sustainable.",
        "Schools plan ahead for leadership at every level.",
        "Curriculum teams share tasks, which gives all staff chances to mentor and be coached.",
        "Senior leadership teams have more impact because members share expertise and hear other views.",
        "Teachers who visit other schools come back with a more open view of their own.",
        "All staff add to the school development plan during the year, so it stays a working document.",
        "Staff and governors meet at the end of the year to share what has been achieved.",
        "Schools promote degree courses as part of professional development.",
    ),
    building_on=p(
        "Good practice found during the project will go into guidance for schools working towards the award."
    ),
    benefits=p(
        "Schools get clear criteria to measure their leadership against, and a way to show that "
        "they take developing leaders seriously."
    ),
    body=[
        (
            "details",
            {
                "summary": "The qualities a headteacher needs",
                "text": p("Peterborough's project named these qualities:") + leadership_qualities_list(),
            },
        ),
    ],
    related_slugs=("growing-your-own-leaders", "terrific-teams"),
)

GROWING_YOUR_OWN_LEADERS = DemoProgramme(
    slug="growing-your-own-leaders",
    title="Growing Your Own Leaders",
    summary=(
        "Thurrock schools looked at how schools develop leaders from their own staff, and what "
        "helps or gets in the way."
    ),
    status=COMPLETED,
    local_authority_slugs=("thurrock",),
    audience_slugs=(
        "teaching-assistant",
        "early-career-teacher",
        "teacher",
        "middle-leader",
        "senior-leader",
    ),
    tags=("succession planning", "growing your own", "recruitment", "leadership qualities"),
    funding=EASTERN_GRANT,
    contact_name="James Adeyemi",
    contact_email="thurrock.leaders@example.org",
    intended_outcomes=ul(
        "share ways of growing leaders from within across Thurrock schools",
        "help schools see the value of growing their own leaders, and spot chances to do it",
    ),
    activities=p(
        "A headteacher led the research. It looked at how schools grow their own leaders and what "
        "helps or hinders them."
    ),
    outcomes=p("The research found that schools need:")
    + ul(
        "leadership structures that can change as people come and go",
        "a shared understanding, within and across schools, of what is expected of leaders",
        "to keep succession planning going all the time",
        "to plan chances for people to develop",
        "a mix of leaders grown in the school and people with experience elsewhere",
    )
    + p("It also found that keeping good staff and helping them move on can pull in different directions."),
    new_knowledge=ul(
        "Start early, with teaching assistants and teachers new to the profession.",
        "People need professional development before they can move into senior roles.",
        "Home-grown leaders already share the school's ethos and expectations.",
        "Relying only on home-grown leaders can shut out people with different experience. A mix works best.",
        "Short internal secondments let people step up to a bigger role for a while.",
        "Someone who is not ready to lead, but does not realise it, can end up disappointed, and "
        "this can affect the whole school.",
        "Growing your own leaders can help when it is hard to recruit.",
        "Outside courses such as Leadership Pathways, NPQH and Leading from the Middle are "
        "valuable. Training in school can be shaped to the school's own needs.",
    ),
    building_on=ul(
        "The findings will go to all Thurrock schools, LA officers and School Improvement Partners.",
        "They will be shared with the local headteachers' association (TPHA) and fed into the "
        "Leadership Strategy Group.",
        "The LA will keep raising awareness of growing your own leaders and sharing ideas.",
    ),
    benefits=p(
        "Schools had the chance to think about how they work now, what they could change and what "
        "leadership means to them. Awareness of growing your own leaders rose across Thurrock, and "
        "the headteacher who led the research gained from it too."
    ),
    body=[
        (
            "inset_text",
            {
                "text": p(
                    "Thurrock's advice is to start early: give teaching assistants and new teachers "
                    "chances to develop, and let people step up through short secondments."
                )
            },
        ),
    ],
    related_slugs=("leap-kite-mark", "terrific-teams"),
)

HEADS_YOU_WIN = DemoProgramme(
    slug="heads-you-win",
    title="Heads You Win",
    summary=(
        "Headteachers in Hammersmith and Fulham studied how children learn, built their ICT skills "
        "and each led a project of their own in school, with the support of a peer group."
    ),
    status=COMPLETED,
    local_authority_slugs=("hammersmith-and-fulham",),
    audience_slugs=("headteacher",),
    tags=("headteachers", "ICT", "peer support", "school-based projects", "reflection"),
    funding=(
        "A partnership of the LA, the 21st Century Learning Initiative and the Esmée Fairbairn Foundation"
    ),
    contact_name="Fiona Grant",
    contact_email="heads.you.win@example.org",
    intended_outcomes=p(
        "The project set out to give headteachers high-quality development: time to think about "
        "learning and leadership, better ICT skills, and the chance to lead change in their own "
        "school in their own way."
    ),
    activities=ul(
        "An academic course based on the 21st Century Learning Initiative's synthesis of research "
        "on learning",
        "ICT sessions on new developments, with visits to schools outside the area",
        "A project in each head's own school, chosen to meet the head's priorities and the challenges "
        "the school faced. Each head set the outcomes, decided how success would be judged and could "
        "try new ways of managing.",
        "A peer group where heads discussed, supported and challenged each other",
    ),
    outcomes=p("The project gave headteachers:")
    + ul(
        "time away from daily pressures to take stock of themselves, their staff and their schools",
        "a deeper understanding of how children learn and what makes a good place to learn",
        "better ICT skills, whatever their starting point",
        "ideas for raising achievement and the start of a plan to move their school forward",
        "the confidence to lead their schools as valued professionals",
        "a strong peer group that eased the isolation headship can bring",
    ),
    new_knowledge=ul(
        "Heads thought about their own leadership, about what makes a successful leader and manager, "
        "and about their school's links with families and the community.",
        "They learned what ICT can and cannot do for schools, and the changes in teaching it calls for.",
        "For most, the reading and discussion were the most demanding study since university.",
    ),
    building_on=p(
        "Each head left with the start of a plan to move their school forward. The school projects "
        "were designed to link to, or build on, work already under way in each school."
    ),
    benefits=ul(
        "Heads see more potential in themselves, their staff and their pupils.",
        "They approach change positively, as a chance to unlock children's potential.",
        "They learned from good practice in schools outside their area.",
    ),
    body=[
        (
            "inset_text",
            {
                "text": p(
                    "Heads You Win ran in Hammersmith and Fulham in London, not in the Eastern Region. "
                    "It is here as an example of a programme for serving headteachers."
                )
            },
        ),
    ],
    related_slugs=("better-together",),
)
