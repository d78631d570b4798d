"""The demo programme pages: one per project in the Eastern Region 2010-11 report, plus Heads You Win.

Facts come from the source documents; the wording is our own, and the contact names are
invented. The report gives only a region-wide impact score (an average of 8.2), so no
programme has a score of its own.
Two projects are shown as open for interest, with a new group being planned, so that the
"Register your interest" journey has something to show; their pages say so.
"""

from .base import DemoProgramme, leadership_qualities_list
from .succession import GROWING_YOUR_OWN_LEADERS, HEADS_YOU_WIN, LEAP
from .teams_and_networks import BETTER_TOGETHER, DEPUTY_EXCHANGE, DEPUTY_NETWORKS, TERRIFIC_TEAMS

__all__ = ["FEATURED_SLUGS", "PROGRAMMES", "DemoProgramme", "leadership_qualities_list"]

PROGRAMMES = (
    TERRIFIC_TEAMS,
    DEPUTY_NETWORKS,
    BETTER_TOGETHER,
    LEAP,
    DEPUTY_EXCHANGE,
    GROWING_YOUR_OWN_LEADERS,
    HEADS_YOU_WIN,
)

# Shown on the home page, in this order: the two open programmes, then the kite mark.
FEATURED_SLUGS = ("terrific-teams", "deputy-exchange", "leap-kite-mark")
