"""Names of the talent pool's role groups, made by a data migration."""

ASPIRANT_LEADERS = "Aspirant leaders"
SCHOOL_IMPROVEMENT_PARTNERS = "School Improvement Partners"
