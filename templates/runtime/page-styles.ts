/**
 * The pagination styles, one export each. A generated endpoint names the styles its operation pages by
 * (`styles: [{ style: cursorPages, next: { param: "after", from: "last_id" } }]`), so a bundle holds only those.
 */
import { fieldAt, type FieldPath, type PageState, type PageStyle } from "./pagination.js";
import { followServerUrl } from "./request.js";

/** A cursor: the query parameter it is sent in, and the response field (or item field) it is read from. */
export interface CursorSpec {
  readonly param: string;
  /** A field of the response body, e.g. `last_id` or `meta.cursors.after`; with `fromItem`, a field of the last (or first) item, e.g. `id`. */
  readonly from: FieldPath;
  readonly fromItem?: boolean;
}

/** Cursor paging: `after` ← `last_id` forwards, and optionally `before` ← `first_id` backwards. */
export interface CursorPaging {
  readonly style: typeof cursorPages;
  readonly next: CursorSpec;
  readonly previous?: CursorSpec;
}

export const cursorPages: PageStyle<CursorPaging> = {
  owns: ({ next, previous }) => [next.param, previous?.param],
  step({ next, previous }, { body, items, params }, forward) {
    const cursor = forward ? next : previous;
    // A walk started without a cursor started at the beginning: nothing comes before its first page.
    if (
      cursor === undefined ||
      (!forward && !given(params, next.param) && !given(params, previous?.param ?? next.param))
    )
      return undefined;
    const value = fieldAt(
      cursor.fromItem === true ? items[forward ? items.length - 1 : 0] : body,
      cursor.from,
    );
    return value === undefined || value === null || value === ""
      ? undefined
      : { [cursor.param]: value };
  },
  backwards: ({ next, previous }, params) =>
    previous !== undefined && given(params, previous.param) && !given(params, next.param),
};

/** Page numbers: `page`, with the response fields that tell the current page and the last one (or the item count). */
export interface PageNumberPaging {
  readonly style: typeof pageNumbers;
  readonly param: string;
  /** The current page number in the response, e.g. `current_page` or `meta.current_page`. */
  readonly current?: FieldPath;
  /** The last page number (the page count), e.g. `total_pages` or `meta.last_page`. */
  readonly total?: FieldPath;
  /** The number of items in all pages, e.g. `count` or `meta.total`. */
  readonly count?: FieldPath;
  /** The query parameter of the page size, e.g. `per_page`. */
  readonly size?: string;
}

export const pageNumbers: PageStyle<PageNumberPaging> = {
  owns: ({ param }) => [param],
  step(entry, page, forward) {
    const current = Number(
      fieldAt(page.body, entry.current ?? "-") ?? page.params[entry.param] ?? 1,
    );
    if (!Number.isFinite(current)) return undefined;
    if (!forward) return current > 1 ? { [entry.param]: current - 1 } : undefined;
    const last = fieldAt(page.body, entry.total ?? "-");
    if (typeof last === "number" && current >= last) return undefined;
    const count = fieldAt(page.body, entry.count ?? "-");
    if (
      typeof count === "number" &&
      (current - 1) * pageSize(entry.size, page) + page.items.length >= count
    )
      return undefined;
    return { [entry.param]: current + 1 };
  },
};

/** Offsets: `offset` moves by the items received, up to the response's item count when it gives one. */
export interface OffsetPaging {
  readonly style: typeof offsetPages;
  readonly param: string;
  /** The query parameter of the page size, e.g. `limit`: how far back a backward step goes. */
  readonly size?: string;
  /** The number of items in all pages, e.g. `total` or `meta.total_count`. */
  readonly count?: FieldPath;
}

export const offsetPages: PageStyle<OffsetPaging> = {
  owns: ({ param }) => [param],
  step(entry, page, forward) {
    const offset = Number(page.params[entry.param] ?? 0);
    if (!Number.isFinite(offset)) return undefined;
    if (!forward)
      return offset > 0
        ? { [entry.param]: Math.max(0, offset - pageSize(entry.size, page)) }
        : undefined;
    const next = offset + page.items.length;
    const count = fieldAt(page.body, entry.count ?? "-");
    return typeof count === "number" && next >= count ? undefined : { [entry.param]: next };
  },
};

/** A next-page URL in the body (`next`, `links.next`, `_links.next.href`, `paging.next`); `null` or absent ends it. */
export interface NextUrlPaging {
  readonly style: typeof nextUrlPages;
  readonly next: FieldPath;
  readonly previous?: FieldPath;
}

export const nextUrlPages: PageStyle<NextUrlPaging> = {
  owns: () => [],
  step({ next, previous }, { body }, forward) {
    const url = forward
      ? fieldAt(body, next)
      : previous === undefined
        ? undefined
        : fieldAt(body, previous);
    return typeof url === "string" && url !== "" ? url : undefined;
  },
  follow: followServerUrl,
};

/** The `Link` response header (RFC 8288): `rel="next"` forwards, `rel="prev"` backwards (GitHub, GitLab). */
export interface LinkHeaderPaging {
  readonly style: typeof linkHeaderPages;
}

export const linkHeaderPages: PageStyle<LinkHeaderPaging> = {
  owns: () => [],
  step(_entry, { headers }, forward) {
    const wanted = forward ? ["next"] : ["prev", "previous"];
    for (const [, url, attributes] of (headers.get("link") ?? "").matchAll(
      /<([^>]*)>([^,]*(?:,(?!\s*<)[^,]*)*)/g,
    )) {
      const rel = /rel\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(attributes ?? "");
      const names = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
      if (url !== undefined && names.some((name) => wanted.includes(name))) return url;
    }
    return undefined;
  },
  follow: followServerUrl,
};

function given(params: Readonly<Record<string, unknown>>, name: string): boolean {
  return params[name] !== undefined && params[name] !== null;
}

/** The page size asked for, or (when the call left it to the server) the size of this page. */
function pageSize(param: string | undefined, page: PageState): number {
  const asked = Number(page.params[param ?? "-"]);
  return asked > 0 ? asked : Math.max(page.items.length, 1);
}
