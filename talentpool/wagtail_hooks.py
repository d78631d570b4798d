from wagtail import hooks

from programmes.demo.loader import LOAD_DEMO_HOOK

from .demo import add_talent_pool_demo

hooks.register(LOAD_DEMO_HOOK, add_talent_pool_demo)
