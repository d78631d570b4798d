"""Reads for the talent pool. Every function makes a fixed number of queries, whatever the data.

They take the person whose data is read and trust the caller to have checked, with
``talentpool.permissions``, that the person asking may read it.
"""

from .admin import follow_up_for, record_names_for
from .common import display_name, every_word_q, latest_follow_ups, record_log_for
from .export import (
    EXPORT_CHUNK_SIZE,
    follow_up_profile_ids_in,
    profile_ids_in,
    profiles_with_programmes,
    programme_titles_by_profile,
)
from .my_data import personal_data_for
from .pathway import (
    dashboard_for,
    profile_for,
    profile_missing_fields,
    qualification_labels,
    self_assessment_for,
)
from .pipeline import pipeline_report_for
from .review import (
    FOLLOW_UP_DUE_WITHIN_DAYS,
    DueItem,
    ReviewFilters,
    SchoolDue,
    aspirants_for_reviewer,
    career_steps_open_first,
    due_follow_ups_for,
    follow_up_due_q,
    profiles_for_review,
    review_filter_choices,
    review_record_for,
)

__all__ = [
    "EXPORT_CHUNK_SIZE",
    "FOLLOW_UP_DUE_WITHIN_DAYS",
    "DueItem",
    "ReviewFilters",
    "SchoolDue",
    "aspirants_for_reviewer",
    "career_steps_open_first",
    "dashboard_for",
    "display_name",
    "due_follow_ups_for",
    "every_word_q",
    "follow_up_due_q",
    "follow_up_for",
    "follow_up_profile_ids_in",
    "latest_follow_ups",
    "personal_data_for",
    "pipeline_report_for",
    "profile_for",
    "profile_ids_in",
    "profile_missing_fields",
    "profiles_for_review",
    "profiles_with_programmes",
    "programme_titles_by_profile",
    "qualification_labels",
    "record_log_for",
    "record_names_for",
    "review_filter_choices",
    "review_record_for",
    "self_assessment_for",
]
