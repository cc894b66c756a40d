"""Light and dark theme: stage diagrams are drawn in the theme's colours, and the reader's choice holds on every
page, also one opened at another address."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DIAGRAM = "diagram?diagram=profesi-sepuluh-tahap"
LESSON = "materi?bagian=proses-profesi"
SLIDE = "presentasi?slide=8"
WHITE = "rgb(255, 255, 255)"


def _choose_theme(page, position: int) -> None:
    """The settings menu's theme switcher, by position (system, light, dark) whatever language it speaks."""
    page.locator("[data-testid='stMainMenuButton']").click()
    page.locator("[data-testid='stThemeSwitcher'] [role='menuitemradio']").nth(position).click()
    page.keyboard.press("Escape")


def _rgb(text: str) -> tuple[float, ...]:
    return tuple(float(v) for v in text[text.index("(") + 1:text.index(")")].split(",")[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _blend(rgb: tuple[float, ...], opacity: float, under: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(opacity * a + (1 - opacity) * b for a, b in zip(rgb, under, strict=True))


def _diagram_colours(page) -> dict:
    """Computed colours of the first drawn diagram and the background behind it."""
    return page.locator("[data-lk-diagram] svg").first.evaluate("""svg => {
        const css = (selector, property) => {
            const found = svg.querySelector(selector);
            return found && getComputedStyle(found)[property];
        };
        return {paper: css('.lk-paper', 'fill'), ink: css('.lk-ink', 'fill'), muted: css('.lk-muted', 'fill'),
                mutedOpacity: css('.lk-muted', 'fillOpacity'), line: css('polyline.lk-line, path.lk-line', 'stroke'),
                lineOpacity: css('polyline.lk-line, path.lk-line', 'strokeOpacity'),
                background: getComputedStyle(document.querySelector("[data-testid='stApp']")).backgroundColor};
    }""")


def _assert_readable(colours: dict) -> None:
    background = _rgb(colours["background"])
    assert colours["paper"] in ("none", "rgba(0, 0, 0, 0)", "transparent"), "the page's own background shows"
    assert _contrast(_rgb(colours["ink"]), background) >= 7
    if colours["muted"]:  # notes and dates: only comparisons and timelines have them
        muted = _blend(_rgb(colours["muted"]), float(colours["mutedOpacity"]), background)
        assert _contrast(muted, background) >= 4.5
    assert _contrast(_blend(_rgb(colours["line"]), float(colours["lineOpacity"]), background), background) >= 3


def test_dark_theme_draws_diagrams_in_light_ink_on_the_dark_page_with_wcag_contrast(server, visit, screenshot_dir):
    v = visit("desktop")
    page = v.open(f"{server.url}/{LESSON}")
    light = _diagram_colours(page)
    _assert_readable(light)
    assert _luminance(_rgb(light["background"])) > 0.8
    _choose_theme(page, 2)
    expect(page.locator("[data-testid='stApp']")).not_to_have_css("background-color", WHITE)
    dark = _diagram_colours(page)
    assert _luminance(_rgb(dark["background"])) < 0.05, "the dark theme is on"
    assert dark["ink"] != light["ink"] and _luminance(_rgb(dark["ink"])) > 0.7, "light ink, not a white box"
    _assert_readable(dark)
    page.locator("[data-lk-diagram]").first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "diagram-gelap-desktop.png"))


def test_the_theme_chosen_on_one_page_holds_on_a_page_opened_at_another_address(server, visit):
    v = visit("desktop")
    page = v.open(f"{server.url}/{DIAGRAM}")
    _choose_theme(page, 2)
    expect(page.locator("[data-testid='stApp']")).not_to_have_css("background-color", WHITE)
    for address in (LESSON, SLIDE, "glosarium"):
        v.open(f"{server.url}/{address}")
        background = page.locator("[data-testid='stApp']").evaluate("el => getComputedStyle(el).backgroundColor")
        assert _luminance(_rgb(background)) < 0.05, f"/{address} opened dark"
    _choose_theme(page, 1)
    v.open(f"{server.url}/{DIAGRAM}")
    expect(page.locator("[data-testid='stApp']")).to_have_css("background-color", WHITE)


@pytest.mark.parametrize("viewport", ["phone", "desktop", "projector"])
@pytest.mark.parametrize("theme", [1, 2], ids=["terang", "gelap"])
def test_screenshots_of_diagrams_in_both_themes(server, visit, screenshot_dir, viewport, theme):
    v = visit(viewport)
    page = v.open(f"{server.url}/{SLIDE if viewport == 'projector' else DIAGRAM}")
    _choose_theme(page, theme)
    if viewport != "projector":
        page.get_by_role("button", name="Tahap berikutnya →").click()
        v.settle()
    _assert_readable(_diagram_colours(page))
    page.locator("[data-lk-diagram]").first.scroll_into_view_if_needed()
    name = "terang" if theme == 1 else "gelap"
    page.screenshot(path=str(screenshot_dir / f"diagram-{name}-{viewport}.png"))
