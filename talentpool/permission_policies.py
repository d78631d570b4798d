"""Wagtail permission policies for the talent pool in the admin: an LA officer's reach ends at their LA.

Whether someone may take an action on the model at all comes from Django permissions (migration
0004 gives the "LA officers" group theirs); which records they may take it on comes from
``talentpool.permissions``. ``wagtail_hooks`` registers one policy per model with
``wagtail.permissions.register_permission_policy``, so the admin's views, menu items, buttons and
edit links all ask the same question. Superusers see every LA's records.
"""

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from programmes.models import School

from . import permissions
from .models import AspirantProfile, FollowUp, LocalAuthorityMembership, SIPAssignment


class LocalAuthorityScopedPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, limited to the records of the user's own LA.

    Subclasses say which records a user manages (``managed_instances``, ``manages``) and which LA a
    record belongs to. Actions in ``actions_never_allowed`` are refused to everyone, superusers too,
    because the admin must not offer them (a profile is created by signing up, for example).
    """

    actions_never_allowed: frozenset[str] = frozenset()

    def managed_instances(self, user) -> QuerySet:
        raise NotImplementedError

    def manages(self, user, instance: Model) -> bool:
        raise NotImplementedError

    def local_authority_id_of(self, instance: Model) -> int | None:
        raise NotImplementedError

    def user_has_permission(self, user, action):
        return action not in self.actions_never_allowed and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.actions_never_allowed]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self.manages(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.managed_instances(user)

    def users_with_any_permission_for_instance(self, actions, instance):
        return (
            self.users_with_any_permission(actions)
            .filter(permissions.local_authority_managers_q(self.local_authority_id_of(instance)))
            .distinct()
        )


class AspirantProfilePermissionPolicy(LocalAuthorityScopedPermissionPolicy):
    """Officers read and manage their LA's profiles. Profiles come from sign-up and are erased by
    their owner (or a superuser, through ``services.account_erase``), so the admin never adds or
    deletes one."""

    actions_never_allowed = frozenset({"add", "delete"})

    def managed_instances(self, user):
        return permissions.profiles_manageable_by(user)

    def manages(self, user, instance):
        return permissions.user_can_manage_profile(user, instance)

    def local_authority_id_of(self, instance):
        return instance.school.local_authority_id if instance.school_id else None


class FollowUpPermissionPolicy(LocalAuthorityScopedPermissionPolicy):
    """Officers read and correct follow-ups about their LA's aspirants. New follow-ups are recorded
    from the review pages (``services.follow_up_record`` emails the aspirant), never in the admin."""

    actions_never_allowed = frozenset({"add"})

    def managed_instances(self, user):
        return permissions.follow_ups_manageable_by(user)

    def manages(self, user, instance):
        return permissions.user_can_manage_follow_up(user, instance)

    def local_authority_id_of(self, instance):
        school = instance.profile.school
        return school.local_authority_id if school else None


class SIPAssignmentPermissionPolicy(LocalAuthorityScopedPermissionPolicy):
    """Officers assign SIPs to their LA's schools."""

    def managed_instances(self, user):
        return permissions.sip_assignments_manageable_by(user)

    def manages(self, user, instance):
        return permissions.user_can_manage_sip_assignment(user, instance)

    def local_authority_id_of(self, instance):
        return instance.school.local_authority_id


class SchoolPermissionPolicy(ModelPermissionPolicy):
    """Schools are the programme's shared geography: anyone with the permission sees and adds them,
    but an LA officer changes and deletes only their own LA's. (Moving a school to another LA is
    for portal administrators only: ``programmes.permissions``.)"""

    officer_scoped_actions = frozenset({"change", "delete"})

    def _scoped_to_own_la(self, user, actions) -> bool:
        return permissions.is_la_officer(user) and set(actions) <= self.officer_scoped_actions

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        if self._scoped_to_own_la(user, actions):
            return permissions.schools_manageable_by(user).filter(pk=instance.pk).exists()
        return True

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if self._scoped_to_own_la(user, actions):
            return instances & permissions.schools_manageable_by(user)
        return instances


class SuperuserOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only active superusers, whatever Django permissions anyone else holds.

    LA memberships decide whose records an officer or SIP reaches, so an officer must not grant one.
    """

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


aspirant_profile_permission_policy = AspirantProfilePermissionPolicy(AspirantProfile)
follow_up_permission_policy = FollowUpPermissionPolicy(FollowUp)
sip_assignment_permission_policy = SIPAssignmentPermissionPolicy(SIPAssignment)
local_authority_membership_permission_policy = SuperuserOnlyPermissionPolicy(LocalAuthorityMembership)
school_permission_policy = SchoolPermissionPolicy(School)

#: model: policy, for ``wagtail_hooks`` to register.
PERMISSION_POLICIES = {
    AspirantProfile: aspirant_profile_permission_policy,
    FollowUp: follow_up_permission_policy,
    SIPAssignment: sip_assignment_permission_policy,
    LocalAuthorityMembership: local_authority_membership_permission_policy,
    School: school_permission_policy,
}
