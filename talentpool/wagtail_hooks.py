from wagtail import hooks
from wagtail.permissions import register_permission_policy

from programmes.demo.loader import LOAD_DEMO_HOOK

from .admin.audit_log import audit_log_menu_item, audit_log_urls
from .admin.site_history import scope_model_log_entries
from .admin.viewsets import TalentPoolViewSetGroup
from .admin_pipeline import pipeline_report_menu_item, pipeline_report_urls
from .demo import add_talent_pool_demo
from .log_actions import register_talent_pool_log_actions
from .permission_policies import PERMISSION_POLICIES

# First, before anything asks Wagtail for these models' policies (it would make fallback ones).
for model, policy in PERMISSION_POLICIES.items():
    register_permission_policy(model, policy)
scope_model_log_entries()

hooks.register(LOAD_DEMO_HOOK, add_talent_pool_demo)
hooks.register("register_log_actions", register_talent_pool_log_actions)

# The "Talent pool" menu and its audit log report (Reports menu) ---------------------------------
hooks.register("register_admin_viewset", TalentPoolViewSetGroup)
hooks.register("register_admin_urls", audit_log_urls)
hooks.register("register_reports_menu_item", audit_log_menu_item)

# Leadership pipeline report (Reports menu) -------------------------------------------------------
hooks.register("register_admin_urls", pipeline_report_urls)
hooks.register("register_reports_menu_item", pipeline_report_menu_item)
