"""Programmes about teams, networks and partnerships between schools."""

from programmes.demo.html import lead_in, p, ul

from .base import COMPLETED, EASTERN_GRANT, OPEN, DemoProgramme

TERRIFIC_TEAMS = DemoProgramme(
    slug="terrific-teams",
    title="Terrific Teams",
    summary=(
        "Aspiring leaders in Bedford sit in on senior leadership team meetings at other schools "
        "to learn what makes a leadership team work well."
    ),
    status=OPEN,
    local_authority_slugs=("bedford",),
    audience_slugs=("teacher", "middle-leader"),
    tags=("teams", "aspiring leaders", "school visits", "talent pool"),
    funding=EASTERN_GRANT,
    contact_name="Helen Marsh",
    contact_email="bedford.leadership@example.org",
    intended_outcomes=p("The project set out to help aspiring leaders:")
    + ul(
        "understand what makes a senior leadership team (SLT) effective",
        "go back to their own school with new energy and a better grasp of how to build leadership there",
        "get ready to join an SLT themselves",
        "form networks that support each other",
    )
    + p(
        "Everyone who took part was added to Bedford Borough's 'Rising Stars' list "
        "of promising future leaders."
    ),
    activities=p(
        "Each person visited up to five other schools to watch their senior leadership team meet.",
        "The group then came together to compare what they had seen and to debate what good "
        "teamwork looks like.",
    ),
    outcomes=p("People who took part:")
    + ul(
        "learned what makes a team effective",
        "had time to think about their current role and plan their next career step",
        "saw how much emotional intelligence matters in building good working relationships",
        "passed on what they learned to colleagues at their own school",
        "compared agendas across schools and saw what was common and what was different",
        "recognised what spoils a meeting: unclear goals, poor timekeeping, relying too much on "
        "one or two people, and weak communication",
        "learned how to prepare: send the agenda out early, agree tasks and set a time for each item",
        "understood how a good meeting is run, and how much depends on the person in the chair",
    ),
    new_knowledge=ul(
        "Middle leaders, especially in small schools with no SLT of their own, now see more clearly "
        "how an SLT drives school improvement.",
        "Watching several SLTs at work gave people a wider picture of good practice in leading a team.",
        "Talking through their visits together deepened what people learned and will shape how they "
        "work in teams in future.",
    ),
    building_on=ul(
        "People who take part join the LA's talent database. The next career steps they choose are "
        "recorded, and their School Improvement Partner (SIP) follows them up on school visits.",
        "Terrific Teams is being added to Bedford's leadership development portfolio.",
        "A new group is being planned. Dates have not been set yet.",
    ),
    benefits=ul(
        "Schools gain staff who understand how a leadership team works and can help build "
        "leadership in their own school.",
        "Staff in small schools see leadership teams they would not otherwise meet.",
    ),
    body=[
        (
            "inset_text",
            {
                "text": p(
                    "Terrific Teams first ran in the 2010 to 2011 school year. Bedford is planning a "
                    "new group. If you would like to take part, register your interest."
                )
            },
        ),
    ],
    related_slugs=("growing-your-own-leaders", "leap-kite-mark"),
)

DEPUTY_NETWORKS = DemoProgramme(
    slug="deputy-headteacher-networks",
    title="Cross-school networks of deputy headteachers",
    summary=(
        "Deputy headteachers in Essex and Hertfordshire worked across groups of schools to share "
        "expertise, coach each other and plan development for leaders at every level."
    ),
    status=COMPLETED,
    local_authority_slugs=("essex", "hertfordshire"),
    audience_slugs=("middle-leader", "senior-leader", "deputy-headteacher"),
    tags=("networks", "deputy headteachers", "coaching", "succession planning", "partnerships"),
    funding="£2,500 research grant to each of the two LAs from the Eastern Region partnership",
    contact_name="David Okafor",
    contact_email="deputy.networks@example.org",
    intended_outcomes=p(
        "Essex and Hertfordshire shared this theme, but each LA ran its own project and wrote its own "
        "report. This page describes them separately.",
        lead_in("In Essex", ", the aims were to:"),
    )
    + ul(
        "give deputy headteachers in a cluster of schools a stronger role and more impact, through "
        "a project they worked on together",
        "share leadership more widely, so that checks on the quality of teaching and learning have "
        "more effect within and between schools",
    )
    + p(lead_in("In Hertfordshire", ", the aims were to:"))
    + ul(
        "make more use of coaching between schools",
        "encourage schools and governing bodies to use succession planning tools",
        "grow the pool of people who could become headteachers",
        "find and support leadership development within and across networks of schools",
    ),
    activities=p(
        lead_in(
            "In Essex",
            ", deputy headteachers met for a full day each term. They shared and "
            "improved their whole-school monitoring systems, and planned a year of joint work for "
            "middle leaders across the cluster.",
        ),
        "The deputies then planned one day a term for middle leaders, by area: early years (EYFS), "
        "literacy and numeracy. On each day, leaders spend the morning at a partner school talking "
        "through the issues they share. In the afternoon the whole group meets to share ideas, "
        "solve problems and plan the next steps.",
        lead_in("In Hertfordshire", ", the schools:"),
    )
    + ul(
        "ran a joint coaching training day to start leadership development at all levels",
        "looked at where coaching and mentoring help most, for example in performance management "
        "and in work with staff, pupils and parents",
        "chose one or two parts of talent management and succession planning to work on together",
        "ran their own training for leaders at all levels across the schools",
        "visited other schools to watch leadership in action",
    ),
    outcomes=p(lead_in("In Essex", ":"))
    + ul(
        "Deputies met every term and planned the year's work for middle leaders.",
        "They developed whole-school monitoring systems together.",
        "Early years leaders held the first of the middle leaders' days, and it went very well.",
    )
    + p(lead_in("In Hertfordshire", ":"))
    + ul(
        "Schools found what to improve in leadership and in teaching, to raise attainment.",
        "Leadership teams gained skills, knowledge and confidence, and individuals were pointed "
        "to the right support.",
        "Staff and schools supported each other and learned from each other's approaches.",
        "Schools set up ways of working that will last after outside support ends.",
        "Together, the schools offered a wider range of opportunities than any one school could alone.",
        "Creativity, risk taking and new ideas were encouraged.",
    ),
    new_knowledge=ul(
        "Essex deputies now understand each other's roles better, and shared a great deal of "
        "expertise and support.",
        "As a group, the deputies felt more able to make a difference. Some grew in confidence; "
        "others now aim higher in their careers.",
        "Middle leaders gained from working with people in similar roles in partner schools.",
        "In Hertfordshire, colleagues agreed where they want their schools and teams to go, and "
        "brought others with them.",
        "They are building coaching skills to pick out the changes that will make most difference, "
        "based on an honest view of their strengths and weaknesses.",
    ),
    building_on=ul(
        "In Essex, the literacy and numeracy leaders' days follow on from the early years day.",
        "In Hertfordshire, headteachers now learn in the same way, through visits to each other's "
        "schools and shared training. This also supports the county's wider work on leadership "
        "development.",
    ),
    benefits=ul(
        "Leaders inspire and motivate others, and build leadership in their own staff and pupils.",
        "Schools create a climate where people look for new ways to improve.",
        "Training is linked to each school's improvement plan and to performance management. "
        "It meets each person's career needs as well as the school's.",
        "Everyone's contribution to a team is valued. In larger schools, leaders hand on real "
        "responsibility, not just tasks.",
    ),
    body=[
        (
            "quote",
            {
                "quote": "Work smarter together, not harder alone.",
                "attribution": "The idea behind the Hertfordshire network",
            },
        ),
    ],
    related_slugs=("deputy-exchange", "better-together"),
)

BETTER_TOGETHER = DemoProgramme(
    slug="better-together",
    title="Better Together",
    summary=(
        "Norfolk studied its most successful school clusters to find out what makes them work, "
        "so that other groups of schools can learn from them."
    ),
    status=COMPLETED,
    local_authority_slugs=("norfolk",),
    audience_slugs=("senior-leader", "headteacher"),
    tags=("clusters", "partnerships", "networks"),
    funding=EASTERN_GRANT,
    contact_name="Ruth Easton",
    contact_email="norfolk.partnerships@example.org",
    intended_outcomes=ul(
        "find out how effective clusters of schools work",
        "use what was learned to make other groups of schools more effective",
        "get schools ready for the government's plans, set out in a White Paper, for schools to do "
        "more to support each other",
    ),
    activities=p("The project:")
    + ul(
        "looked at how working as a cluster can improve results for pupils and development for staff",
        "asked why some clusters and networks work well and others do not",
        "used the findings to help schools prepare to support other schools",
    ),
    outcomes=p(
        "Norfolk now has a clear list of the things that make a cluster work well. "
        "It is set out under 'New knowledge' below."
    ),
    new_knowledge=p("How well a cluster worked depended mainly on:")
    + ul(
        "how strong and experienced the cluster chair was",
        "how experienced the other headteachers were",
        "firm arrangements, such as regular meetings away from school, committees and a cluster policy",
        "how useful the cluster's parent support advisers and extended schools coordinators were",
        "whether the cluster looked outwards",
        "whether there was money to bring schools together to work jointly",
    ),
    building_on=p("The findings will be shared with the LA and with the chairs of clusters."),
    benefits=ul(
        "Clusters share what works, so that more of them work together well.",
        "Clusters that need extra support can be spotted.",
        "Schools learn about ways of working they can adapt for their own cluster.",
        "Better outcomes for pupils, for example stronger links with the community, and "
        "leadership shared more widely.",
    ),
    body=[
        (
            "inset_text",
            {
                "text": p(
                    "If you chair a cluster, the list under 'New knowledge' works well as a checklist "
                    "for reviewing how your cluster runs."
                )
            },
        ),
    ],
    related_slugs=("deputy-headteacher-networks", "heads-you-win"),
)

DEPUTY_EXCHANGE = DemoProgramme(
    slug="deputy-exchange",
    title="Deputy headteacher exchange",
    summary=(
        "Deputy headteachers from Suffolk federations and collaborations spend time in each other's "
        "schools to see different leadership styles and share ideas."
    ),
    status=OPEN,
    local_authority_slugs=("suffolk",),
    audience_slugs=("senior-leader", "deputy-headteacher"),
    tags=("deputy headteachers", "federations", "partnerships", "school visits", "networks"),
    funding=EASTERN_GRANT,
    contact_name="Claire Whitmore",
    contact_email="suffolk.deputies@example.org",
    intended_outcomes=ul(
        "set up new links and networks between schools",
        "share ideas and good practice",
        "give deputies insight into other schools' vision, values, structures and responsibilities",
    ),
    activities=p(
        "Deputy headteachers visited schools in other federations and collaborations. Afterwards, "
        "deputies from the same collaboration had time together to talk about what they had seen "
        "and to reflect on their own schools."
    ),
    outcomes=ul(
        "Deputies learned how other federations and collaborations dealt with problems like their "
        "own, such as a creative curriculum, staffing structures and outdoor space.",
        "They saw how schools were organising themselves in response to Suffolk's School "
        "Organisation Review.",
        "They saw different leadership styles and heard how different headteachers see the future.",
        "They found it powerful professional development that could carry on: new ideas, new "
        "points of view and more understanding of colleagues elsewhere.",
    ),
    new_knowledge=p(
        "A day in another school is excellent professional development. Schools could offer it to "
        "all staff, not only deputies, by planning it into their training programme. It would also "
        "widen the experience of leaders who are looking for promotion."
    ),
    building_on=p(
        "The deputies want to set up themed 'open days' across the county, each based on what a "
        "school does best. This would be affordable, easy to manage and would support schools "
        "working in partnership.",
        "A new round of exchange visits is being planned. Dates and places are not fixed yet.",
    ),
    benefits=ul(
        "Seeing different leadership styles and ways of working together",
        "Seeing another headteacher's vision in practice and using it to shape your own thinking",
        "A support network for deputies working in federations and collaborations",
    ),
    body=[
        (
            "inset_text",
            {
                "text": p(
                    "The first exchange ran in the 2010 to 2011 school year. If you are a deputy "
                    "headteacher and would like to join the next round, register your interest. "
                    "It does not commit you to taking part."
                )
            },
        ),
    ],
    related_slugs=("deputy-headteacher-networks",),
)
