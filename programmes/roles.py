"""Names of the programme editors' groups and of their sign-off workflow.

The groups and the workflow are made by migration 0003_editor_groups_and_workflow, which keeps its
own copy of these names (migrations must not import app code): change both together.
"""

LA_OFFICERS = "LA officers"
MODERATORS = "Moderators"
LA_SIGN_OFF_WORKFLOW = "LA sign-off"
