"""The talent pool: aspirant leaders' profiles and career steps, and the SIPs who follow them up.

Every model that holds personal data hangs off AspirantProfile (or the user), so exporting and
erasing a person's data follows the relations from there. __str__ methods carry no names: they
end up in Wagtail's audit log labels.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Readiness(models.TextChoices):
    READY_NOW = "ready-now", _("Ready now")
    ONE_TO_TWO_YEARS = "1-2-years", _("In 1 to 2 years")
    THREE_PLUS_YEARS = "3-plus-years", _("In 3 years or more")


class Qualification(models.TextChoices):
    """National Professional Qualifications and other common leadership qualifications."""

    NPQLT = "npqlt", _("NPQ for Leading Teacher Development")
    NPQLBC = "npqlbc", _("NPQ for Leading Behaviour and Culture")
    NPQLL = "npqll", _("NPQ for Leading Literacy")
    NPQLPM = "npqlpm", _("NPQ for Leading Primary Mathematics")
    NPQSENCO = "npqsenco", _("NPQ for Special Educational Needs Co-ordinators")
    NPQEYL = "npqeyl", _("NPQ in Early Years Leadership")
    NPQSL = "npqsl", _("NPQ for Senior Leadership")
    NPQH = "npqh", _("NPQ for Headship")
    NPQEL = "npqel", _("NPQ for Executive Leadership")
    MASTERS = "masters", _("Master's degree in education or leadership")


class LocalAuthorityMembership(models.Model):
    """The one LA an officer or SIP works for. Their access to the talent pool stops at its edge."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="local_authority_membership"
    )
    local_authority = models.ForeignKey(
        "programmes.LocalAuthority", on_delete=models.PROTECT, related_name="staff_memberships"
    )

    class Meta:
        verbose_name = _("local authority membership")

    def __str__(self):
        return f"Membership {self.pk}"


class AspirantProfile(models.Model):
    """An aspirant leader's own record of where they are and where they want to go."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="aspirant_profile"
    )
    school = models.ForeignKey(
        "programmes.School",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aspirant_profiles",
    )
    current_role = models.ForeignKey(
        "programmes.CareerStage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("current role"),
    )
    years_in_role = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(60)], verbose_name=_("years in role")
    )
    target_role = models.ForeignKey(
        "programmes.CareerStage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("role you are aiming for"),
    )
    readiness = models.CharField(max_length=20, choices=Readiness.choices, blank=True)
    qualifications = models.JSONField(
        default=dict,
        blank=True,
        help_text=_('{"held": [codes], "in_progress": [codes], "other": "free text"}'),
    )
    statement = models.TextField(max_length=1500, blank=True)
    rising_stars_consent = models.BooleanField(default=False)
    rising_stars_consent_changed_at = models.DateTimeField(null=True, blank=True)
    next_follow_up_due = models.DateField(
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("next follow-up due"),
        help_text=_("From the latest follow-up; kept up to date by talentpool.services."),
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("aspirant profile")
        indexes = [
            models.Index(fields=["school", "readiness"]),
            models.Index(fields=["current_role"]),
            models.Index(fields=["target_role"]),
            models.Index(fields=["school", "next_follow_up_due"]),
        ]

    def __str__(self):
        return f"Aspirant profile {self.pk}"


class CareerStep(models.Model):
    """A next step an aspirant plans towards leadership, such as leading a project or an NPQ."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in-progress", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)

    profile = models.ForeignKey(AspirantProfile, on_delete=models.CASCADE, related_name="career_steps")
    title = models.CharField(max_length=200)
    target_role = models.ForeignKey(
        "programmes.CareerStage", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="career_steps",
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["target_date", "pk"]
        indexes = [models.Index(fields=["profile", "status", "target_date"])]

    def __str__(self):
        return f"Career step {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.target_date < timezone.localdate()


class ProgrammeInterest(models.Model):
    """An aspirant's interest in, or place on, a programme."""

    class Status(models.TextChoices):
        INTERESTED = "interested", _("Interested")
        ENROLLED = "enrolled", _("Enrolled")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    profile = models.ForeignKey(AspirantProfile, on_delete=models.CASCADE, related_name="programme_interests")
    programme = models.ForeignKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="interests"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.INTERESTED)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "programme"], name="one_interest_per_programme")
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return f"Programme interest {self.pk}"


class LeadershipQuality(models.Model):
    """One quality of the leadership qualities framework; the list comes from a data migration."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.CharField(max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("leadership quality")
        verbose_name_plural = _("leadership qualities")

    def __str__(self):
        return self.name


class QualityRating(models.Model):
    """An aspirant's self-rating against one leadership quality, with their evidence."""

    RATING_CHOICES = [
        (1, _("1: Not yet")),
        (2, _("2: Beginning")),
        (3, _("3: Developing")),
        (4, _("4: Secure")),
        (5, _("5: A strength")),
    ]

    profile = models.ForeignKey(AspirantProfile, on_delete=models.CASCADE, related_name="quality_ratings")
    quality = models.ForeignKey(LeadershipQuality, on_delete=models.PROTECT, related_name="ratings")
    rating = models.PositiveSmallIntegerField(
        choices=RATING_CHOICES, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    evidence = models.TextField(max_length=2000, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "quality"], name="one_rating_per_quality")]

    def __str__(self):
        return f"Quality rating {self.pk}"


class SIPAssignment(models.Model):
    """A School Improvement Partner's assignment to a school, for a period."""

    sip = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sip_assignments"
    )
    school = models.ForeignKey("programmes.School", on_delete=models.CASCADE, related_name="sip_assignments")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("SIP assignment")
        indexes = [models.Index(fields=["sip", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="sip_assignment_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"SIP assignment {self.pk}"


class FollowUp(models.Model):
    """A SIP's (or officer's) note of a conversation with an aspirant at a school visit."""

    profile = models.ForeignKey(AspirantProfile, on_delete=models.CASCADE, related_name="follow_ups")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="follow_ups_written"
    )
    visit_date = models.DateField()
    notes = models.TextField(max_length=4000)
    agreed_actions = models.TextField(max_length=2000, blank=True)
    next_follow_up_due = models.DateField(null=True, blank=True)
    career_steps = models.ManyToManyField(CareerStep, blank=True, related_name="follow_ups")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow-up")
        ordering = ["-visit_date", "-pk"]
        indexes = [
            models.Index(fields=["profile", "-visit_date"]),
            models.Index(fields=["next_follow_up_due"]),
        ]

    def __str__(self):
        return f"Follow-up {self.pk}"


class FollowUpReminder(models.Model):
    """That a SIP was reminded of a follow-up due on a date, so the daily run never repeats it."""

    sip = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_up_reminders"
    )
    profile = models.ForeignKey(AspirantProfile, on_delete=models.CASCADE, related_name="reminders")
    due_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sip", "profile", "due_date"], name="one_reminder_per_sip_profile_and_due_date"
            )
        ]

    def __str__(self):
        return f"Follow-up reminder {self.pk}"


class ErasureRecord(models.Model):
    """That an account was erased, and when. Deliberately holds nothing about the person."""

    erased_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self):
        return f"Erasure {self.pk}"
