import { paginate } from "../runtime/index.js";
const endpoint = {
	method: "GET",
	path: "/v1/phone/",
	params: {
		after: {
			in: "query",
			format: "uuid"
		},
		before: {
			in: "query",
			format: "uuid"
		},
		page: {
			in: "query",
			type: "integer",
			minimum: 1
		},
		limit: {
			in: "query",
			type: "integer",
			minimum: 1,
			maximum: 100
		},
		order: {
			in: "query",
			enum: ["asc", "desc"]
		},
		inbound_agent_id: {
			in: "query",
			format: "uuid"
		},
		outbound_agent_id: {
			in: "query",
			format: "uuid"
		},
		status: {
			in: "query",
			enum: [
				"reserved",
				"assigned",
				"released",
				"finished"
			]
		},
		start_assigned_at: {
			in: "query",
			format: "date-time"
		},
		end_assigned_at: {
			in: "query",
			format: "date-time"
		}
	},
	security: [["bearerToken"]],
	errors: [
		400,
		403,
		422,
		500
	],
	pagination: {
		items: "data",
		hasMore: "has_more",
		next: {
			param: "after",
			from: "last_id"
		},
		previous: {
			param: "before",
			from: "first_id"
		},
		page: {
			param: "page",
			current: "current_page",
			total: "total_pages"
		}
	}
};
/**
* List Phones
*
* Retrieve a list of phones, optionally filtered by agent ID.
*
* `GET /v1/phone/`
*
* Await it for one page, or iterate it with `for await` for every item of every page.
* @example
* ```ts
* const page = await listPhones(client, { limit: 20 });
* for await (const phone of listPhones(client, { limit: 20 })) {
*   // every item of every page
* }
* ```
*/
export function listPhones(client, params, options) {
	return paginate(client, endpoint, { params }, options);
}
