import util
from pkg import helpers
import pkg.helpers as same

state = {}


def activate(ctx):
    state["sum"] = helpers.double(util.base())
    print("activated", state["sum"], same is helpers, util.__name__)


def deactivate():
    print("deactivated")
