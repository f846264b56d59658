"""Feature: an editor changes the courses in the browser, through the admin page (Decap CMS).

Headless Chromium opens the admin page of a project copy with Decap's documented local
backend (decap-server on 127.0.0.1, tests.support.cms), signs in, creates a course through
the form, edits an existing course's date and tries a value the form must refuse. Then the
two commands an editor's change must pass, `python -m etablerer check` (what `make check`
runs) and `python -m etablerer build`, run on the copy, and the new course is on its pages.
axe-core runs on the admin page's main views; the violations that are Decap's own are
written down below (KNOWN_DECAP_VIOLATIONS) and on the accessibility page.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from playwright.sync_api import expect

from etablerer.inputs.loading import load_data
from tests.browser.support import RESULTS_DIR, run_axe
from tests.fixtures import FIXTURE
from tests.support.browser import DESKTOP
from tests.support.cms import CmsSite, choose, control, field, wait_for_file
from tests.support.environ import PINNED_DAY
from tests.support.expected import COPY
from tests.support.project import run_etablerer
from tests.support.site import page_file

pytestmark = [pytest.mark.browser, pytest.mark.build, pytest.mark.slow]

NEW_ID = "kurs-fra-skjemaet-2027"
NEW_TITLE = {"nb": "Kurs laget i skjemaet", "en": "Course made in the admin form"}
NEW_SESSIONS = [("del-1", "2027-05-03"), ("del-2", "2027-05-10")]
NEW_PRICE = 450

EDITED_ID = "etablererkurs-engelsk-test-2027"  # its second session moves a week
EDITED_SESSION, OLD_DATE, NEW_DATE = 1, "2027-03-10", "2027-03-17"

LOCAL = ("http://127.0.0.1:", "data:", "blob:")
UI_TIMEOUT_MS = 20_000  # only catches a hang


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    try:
        site = CmsSite.start(tmp_path_factory.mktemp("cms"))
    except LookupError as missing:
        pytest.fail(str(missing), pytrace=False)
    yield site
    site.stop()


@pytest.fixture
def admin(browser, cms):
    """The admin page, signed in (the local backend's sign-in button), at the course list.
    Every request off 127.0.0.1 is recorded, and the test fails on any: the admin page loads
    nothing from another host."""
    context = browser.new_context(viewport=DESKTOP, locale="nb-NO", reduced_motion="reduce")
    context.set_default_timeout(UI_TIMEOUT_MS)
    elsewhere: list[str] = []

    # Recorded, not routed: Playwright's routing held Decap's requests to decap-server
    # for up to 20 s each.
    context.on("request", lambda request: None if request.url.startswith(LOCAL) else elsewhere.append(request.url))
    page = context.new_page()
    page.saved = []  # each request that asks decap-server to write an entry

    def record_save(request):
        if request.method == "POST" and '"persistEntry"' in (request.post_data or ""):
            page.saved.append(request.post_data)

    page.on("request", record_save)
    page.goto(cms.admin_url, wait_until="load")
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url("**/#/collections/**")
    yield page
    # What the page showed last, for a person looking into a failure.
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=RESULTS_DIR / "cms-admin-last.png")
    context.close()
    assert not elsewhere, f"the admin page asked other hosts: {elsewhere}"


def expand(list_field) -> None:
    """Open a list that Decap shows collapsed (a saved entry's lists are): the list's own
    toggle opens every item."""
    toggle = list_field.get_by_test_id("expand-button").first
    if toggle.get_attribute("aria-label") == "Expand":
        toggle.click()


def open_entry(page, cms, course_id: str) -> None:
    """The form of a saved course, by its address (Decap's list draws only the cards in view,
    so clicking one is a matter of scrolling), once it shows that course."""
    page.goto(cms.admin_url + "#/collections/courses")  # leaves the form open before
    page.locator('[id^="id-field-"]').wait_for(state="detached")
    page.goto(cms.admin_url + f"#/collections/courses/entries/{course_id}")
    expect(control(page, "id")).to_have_value(course_id)


def publish(page) -> None:
    """Save as a simple-mode editor does: Publiser, then Publiser nå."""
    page.get_by_role("button", name="Publiser", exact=True).click()
    page.get_by_role("menuitem", name="Publiser nå").click()


def form_errors(page) -> list[str]:
    """What the form says is wrong: each field's label and its messages."""
    return page.locator('ul[class*="ControlErrorsList"]').evaluate_all(
        "lists => lists.map(ul => (ul.parentElement.querySelector('label')?.textContent || '?') + ': '"
        " + [...ul.querySelectorAll('li')].map(li => li.textContent).join('; '))")


def saved(page, path, condition) -> str:
    """The text of `path` once the save has landed; if it never does, what the form said."""
    try:
        return wait_for_file(path, condition)
    except AssertionError as not_saved:
        raise AssertionError(f"{not_saved}\nThe form says: {form_errors(page)}") from None


def fill_new_course(page) -> None:
    control(page, "id").fill(NEW_ID)
    title = field(page, "title")
    control(title, "nb").fill(NEW_TITLE["nb"])
    control(title, "en").fill(NEW_TITLE["en"])
    choose(page, page, "kind", "theme")
    control(field(page, "description"), "nb").fill("Et kurs som en redaktør la inn i skjemaet.")
    sessions = field(page, "sessions")
    add = sessions.get_by_role("button", name="Add samlinger")
    for number, (session_id, day) in enumerate(NEW_SESSIONS):
        add.click()
        control(sessions, "id", number).fill(session_id)
        control(sessions, "date", number).fill(day)
        control(sessions, "start", number).fill("18:00")
        control(sessions, "end", number).fill("21:00")
    choose(page, page, "format", "onsite")
    venue = field(page, "venue")
    control(venue, "name").fill("Eksempelsenteret")
    control(venue, "street").fill("Eksempelveien 2")
    control(venue, "postcode").fill("1540")
    control(venue, "city").fill("Vestby")
    choose(page, venue, "municipality", "Vestby", typed="Ves")  # a relation: the list of municipalities
    languages = field(page, "languages")
    languages.get_by_role("button", name="Add språk").click()
    control(languages, "languages").fill("nb")
    control(page, "price").fill(str(NEW_PRICE))
    control(page, "capacity").fill("20")
    control(field(page, "registration"), "deadline").fill("2027-04-26")
    control(field(page, "target_group"), "nb").fill("Deg som vil starte bedrift.")


def test_an_editor_creates_a_course_edits_a_date_and_is_refused_a_bad_value(admin, cms):
    page = admin
    courses = cms.root / "data" / "courses"

    # A new course, through the form.
    page.goto(cms.admin_url + "#/collections/courses/new")
    fill_new_course(page)
    publish(page)
    written = yaml.safe_load(saved(page, courses / f"{NEW_ID}.yml", lambda text: NEW_ID in text))
    assert written["title"] == NEW_TITLE
    assert [(s["id"], str(s["date"])) for s in written["sessions"]] == NEW_SESSIONS
    assert written["price"] == NEW_PRICE
    assert written["venue"]["municipality"] == "vestby"

    # An existing course: its second session moves a week.
    open_entry(page, cms, EDITED_ID)
    expand(field(page, "sessions"))
    day_field = control(field(page, "sessions"), "date", EDITED_SESSION)
    expect(day_field).to_have_value(OLD_DATE)
    day_field.fill(NEW_DATE)
    publish(page)
    edited_file = courses / f"{EDITED_ID}.yml"
    saved(page, edited_file, lambda text: NEW_DATE in text)

    # A value the form refuses: a date written as many write it by hand. The field says
    # how to write it, and nothing is sent.
    open_entry(page, cms, NEW_ID)
    before = (courses / f"{NEW_ID}.yml").read_text(encoding="utf-8")
    sessions = field(page, "sessions")
    expand(sessions)
    control(sessions, "date", 0).fill("3.5.2027")
    saves = len(page.saved)
    publish(page)
    date_field = control(sessions, "date", 0).locator("xpath=..")
    expect(date_field.locator('ul[class*="ControlErrorsList"] li')).to_contain_text("ÅÅÅÅ-MM-DD")
    assert len(page.saved) == saves, "the form sent a refused value to the repository"
    assert (courses / f"{NEW_ID}.yml").read_text(encoding="utf-8") == before

    # What the CMS changed: the new course and the edited one, nothing else.
    assert cms.changed_files() == sorted([f"data/courses/{NEW_ID}.yml", f"data/courses/{EDITED_ID}.yml"])

    # `make check` accepts the copy, and the build has the new course on its pages.
    check = run_etablerer(cms.root, PINNED_DAY, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    out = cms.root / "built"
    build = run_etablerer(cms.root, PINNED_DAY, "build", "--site", str(out))
    assert build.returncode == 0, build.stdout + build.stderr
    data = load_data(cms.root / "data", cms.root / "content", cms.root)
    # The edited course is the same course as before apart from the date (the CMS rewrote
    # the whole file: its comment is gone, its layout changed).
    edited = next(c for c in data.courses if c.id == EDITED_ID)
    before = next(c for c in load_data(FIXTURE / "data", FIXTURE / "content", FIXTURE).courses if c.id == EDITED_ID)
    moved = list(before.sessions)
    moved[EDITED_SESSION] = moved[EDITED_SESSION].model_copy(update={"date": date.fromisoformat(NEW_DATE)})
    assert edited == before.model_copy(update={"sessions": tuple(moved)})
    page_nb = (out / COPY / page_file(f"kurs/{NEW_ID}/")).read_text(encoding="utf-8")
    page_en = (out / COPY / "en" / page_file(f"kurs/{NEW_ID}/")).read_text(encoding="utf-8")
    assert NEW_TITLE["nb"] in page_nb
    assert NEW_TITLE["en"] in page_en
    catalogue = (out / COPY / page_file("kurs/")).read_text(encoding="utf-8")
    assert NEW_TITLE["nb"] in catalogue


# --- axe on the admin page's main views ---------------------------------------------

VIEWS = {
    "course list": "#/collections/courses",
    "new course form": "#/collections/courses/new",
    "saved course form": f"#/collections/courses/entries/{EDITED_ID}",
}

# What axe finds on each view that is Decap CMS's own (decap-cms 3.16.3) and that no setting
# of cms/config.yml can change; data/region.yml lists it on the accessibility page
# ("Redigeringssiden for de ansatte …"). Anything else fails: a new rule, a view that gains
# one, or one of these that goes away (then take it off here and off the page).
#   color-contrast: Decap's own colours: the active header button, the collections in the
#     side bar, a collection's description, the sort button; the Publish button.
#   region: content outside any landmark: Decap's editor panes, its links and a canvas it
#     adds to the page, with no <main> or <nav> around them.
# Not here, because configuration removes it: frame-title (the preview pane is an <iframe>
# without a title; `editor: {preview: false}` in cms/config.yml turns the pane off).
KNOWN_DECAP_VIOLATIONS = {
    "course list": {"color-contrast", "region"},
    "new course form": {"color-contrast", "region"},
    "saved course form": {"region"},
}


def test_axe_finds_only_decaps_own_known_problems_on_the_main_views(admin, cms):
    found, details = {}, []
    for view, address in VIEWS.items():
        admin.goto(cms.admin_url + address)
        admin.locator('[id^="id-field-"]').or_(admin.get_by_text(EDITED_ID, exact=True)).first.wait_for()
        violations, _ = run_axe(admin)
        found[view] = {v.rule for v in violations}
        details += [v.describe(f"admin page, {view}") for v in violations]
    assert found == KNOWN_DECAP_VIOLATIONS, "\n".join(details)
