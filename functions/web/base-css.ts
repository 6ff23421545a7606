/** The colours the shared base rules use; each layout's palette has them. */
export interface BasePalette {
  readonly text: string;
  readonly background: string;
  readonly brand: string;
  readonly onBrand: string;
  readonly focus: string;
}

/**
 * The rules every page of ours starts from — the public pages and the staff console alike: box
 * sizing, the system font, link and focus styles (a visible yellow-and-black ring), the skip
 * link and the header colours. Each layout adds its own widths and components after these.
 */
export function baseCss(p: BasePalette, bodyFontSize: string): string {
  return `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:${bodyFontSize};line-height:1.5;color:${p.text};background:${p.background}}
a{color:${p.brand};text-underline-offset:.15em}
a:hover{text-decoration-thickness:.15em}
:focus-visible{outline:3px solid ${p.focus};outline-offset:0;box-shadow:0 0 0 6px ${p.text}}
main:focus,main:focus-visible{outline:none;box-shadow:none}
.skip-link{position:absolute;left:.5rem;top:-10rem;background:${p.background};color:${p.text};padding:.5rem 1rem;z-index:1}
.skip-link:focus{top:.5rem}
.site-header{background:${p.brand};color:${p.onBrand}}
.site-header a{color:${p.onBrand}}`;
}
