from wagtail import hooks

from programmes.demo.loader import LOAD_DEMO_HOOK

from .demo import add_talent_pool_demo
from .log_actions import register_talent_pool_log_actions

hooks.register(LOAD_DEMO_HOOK, add_talent_pool_demo)
hooks.register("register_log_actions", register_talent_pool_log_actions)
