"""Who may see and do what in the talent pool: the one place these decisions are made.

DESIGN.md's table, in code:

- an aspirant reads, writes, exports and deletes their own profile, and nobody else's;
- a School Improvement Partner reads, follows up and exports the profiles of aspirants at schools
  currently assigned to them (started, not yet ended), inside their own local authority;
- an LA officer reads and manages every profile at a school in their local authority;
- a superuser may do everything. Superusers count as none of the roles (``is_sip`` is False for
  them) but pass every check.

Signed-out and inactive users may do nothing. Each rule is a ``Q`` on AspirantProfile, so the
querysets (``profiles_visible_to``) and the yes/no checks (``user_can_view_profile``) share one
definition and each costs at most one query. Views answer 404 for objects outside these querysets.
"""

from .admin import (
    follow_ups_manageable_by,
    local_authority_managers_q,
    log_entries_outside_talent_pool_or_managed_q,
    schools_manageable_by,
    sip_assignments_manageable_by,
    sips_assignable_by,
    talent_pool_log_entries_visible_to,
    user_can_manage_follow_up,
    user_can_manage_sip_assignment,
    user_can_view_pipeline_report,
    user_can_view_talent_pool_audit_log,
)
from .rules import (
    AnyUser,
    career_steps_editable_by,
    current_sip_assignment_q,
    current_sip_assignments,
    is_aspirant,
    is_la_officer,
    is_sip,
    profiles_editable_by,
    profiles_manageable_by,
    profiles_reviewable_by,
    profiles_visible_to,
    quality_ratings_editable_by,
    schools_reviewable_by,
    sip_assignment_is_current,
    sip_in_own_la_q,
    user_can_edit_profile,
    user_can_export_profile_list,
    user_can_manage_profile,
    user_can_record_follow_up,
    user_can_review_talent_pool,
    user_can_use_pathway,
    user_can_view_profile,
)

__all__ = [
    "AnyUser",
    "career_steps_editable_by",
    "current_sip_assignment_q",
    "current_sip_assignments",
    "follow_ups_manageable_by",
    "is_aspirant",
    "is_la_officer",
    "is_sip",
    "local_authority_managers_q",
    "log_entries_outside_talent_pool_or_managed_q",
    "profiles_editable_by",
    "profiles_manageable_by",
    "profiles_reviewable_by",
    "profiles_visible_to",
    "quality_ratings_editable_by",
    "schools_manageable_by",
    "schools_reviewable_by",
    "sip_assignment_is_current",
    "sip_assignments_manageable_by",
    "sip_in_own_la_q",
    "sips_assignable_by",
    "talent_pool_log_entries_visible_to",
    "user_can_edit_profile",
    "user_can_export_profile_list",
    "user_can_manage_follow_up",
    "user_can_manage_profile",
    "user_can_manage_sip_assignment",
    "user_can_record_follow_up",
    "user_can_review_talent_pool",
    "user_can_use_pathway",
    "user_can_view_pipeline_report",
    "user_can_view_profile",
    "user_can_view_talent_pool_audit_log",
]
