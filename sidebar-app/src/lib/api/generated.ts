/**
 * GENERATED from src/lib/api/openapi.json (the backend's /openapi/v1.json) by `npm run api:types`.
 * Do not edit: change the C# records or the vocabulary (src/Copilot.Api/Vocabulary/) and regenerate.
 */

export interface paths {
    "/api/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured tenants and what the copilot has recorded for each. */
        get: operations["ListTenants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/boundary-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetBoundaryRules"];
        put: operations["PutBoundaryRules"];
        post?: never;
        delete: operations["ResetBoundaryRules"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/boundary-rules/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TestBoundaryRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: {
                    id?: string;
                    locale?: string;
                    title?: string;
                    url?: string;
                };
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            /** @description JSON Lines ({"id","title","body","url"?,"locale"?} per line) or one Markdown file (?id=&title=). */
            requestBody: {
                content: {
                    "application/x-ndjson": string;
                    "text/markdown": string;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/intents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's intents, how many examples taught each, when the model was trained and its held-out accuracy. */
        get: operations["GetLearnedIntents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/knowledge/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: {
                    kind?: string;
                };
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            /** @description JSON Lines: {"question", "expected": source id or [ids], "locale"?} per line, at most 1,000. */
            requestBody: {
                content: {
                    "application/x-ndjson": string;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/knowledge/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    k?: number;
                    kind?: string;
                    locale?: string;
                    q?: string;
                };
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/knowledge/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StatusResponse"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/procedures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's procedures in force, each at its newest version. */
        get: operations["GetProcedures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/procedures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A procedure in force, with every version it had. */
        get: operations["GetProcedure"];
        /**
         * Saves a procedure as its next version (201 when new, 200 when it changed or was the same).
         * @description Body: intent, title and steps (Markdown, a numbered or bulleted list). A save that changes nothing adds no version.
         */
        put: operations["PutProcedure"];
        post?: never;
        /** Takes a procedure out of use; its versions are kept. */
        delete: operations["RetireProcedure"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/procedures/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a procedure. */
        get: operations["GetProcedureVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/procedures/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per procedure over the last `days` days (default 30, at most 366): shown, drafts under it and their outcomes, actions approved and declined. */
        get: operations["GetProcedureAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListReplays"];
        put?: never;
        /** Starts a replay of the helpdesk's solved tickets (source 'helpdesk'): computed only, nothing recorded, nothing written to the helpdesk. */
        post: operations["StartReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetReplay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CancelReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetReplayReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays/{id}/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetReplayReportHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ResumeReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CompareReplays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays/compare.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CompareReplaysHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/replays/jsonl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts a replay of the solved tickets in a JSON Lines file. */
        post: operations["StartReplayFromJsonl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: {
                    full?: boolean;
                };
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SyncResponse"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tenants/{tenant}/time-saved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The assumptions behind the dashboard's time saved: minutes per use by kind, and the share an edited use saves. */
        get: operations["GetTimeSaved"];
        /** Sets the tenant's minutes saved per use by kind; kinds left out return to the defaults. */
        put: operations["PutTimeSaved"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approved and declined actions per source (triage, procedure with its version, boundary, duplicate, ask) and kind. */
        get: operations["GetActionCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    from?: string;
                    includeText?: string;
                    tenant?: string;
                    to?: string;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/knowledge-gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    from?: string;
                    tenant?: string;
                    threshold?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnowledgeGapsResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/outcomes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    from?: string;
                    tenant?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutcomesResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/procedures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per procedure in the period: shown, drafts under it and their outcomes, actions approved and declined. */
        get: operations["GetProcedureFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    from?: string;
                    groupBy?: string;
                    tenant?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SummaryResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every ISO week of the period at once, cut to the period (partial weeks marked), with rows per kind. */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    tenant?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WeeklyResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The helpdesk's agents (id and name), so the dashboard's agent table can show names; team leads and admins only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DashboardAgent"][];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's replay runs, newest first, with their progress. */
        get: operations["ListDashboardReplays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/replays/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetDashboardReplay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/replays/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetDashboardReplayReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/replays/{id}/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetDashboardReplayReportHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/replays/compare.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CompareDashboardReplaysHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/time-saved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's time-saved assumptions with their defaults and limits, and whether this session may change them (admins). */
        get: operations["GetDashboardTimeSaved"];
        /** Sets the tenant's minutes saved per use by kind; kinds left out return to the defaults. Helpdesk admins only. */
        put: operations["PutDashboardTimeSaved"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rewrite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rewrites the agent's text (expand, shorten, friendlier, more formal, fix grammar, translate), keeping facts, links and placeholders; offline rules answer without a model or when it fails. */
        post: operations["PostRewrite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suggestions/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what the agent did with a suggestion (idempotent by eventId). */
        post: operations["PostFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Actions proposed for the ticket (triage, boundary rules, procedure steps, likely duplicates), each with what it will change.
         * @description Records nothing: the sidebar reports what it displayed with POST /api/tickets/{id}/actions/shown. Nothing changes in the helpdesk until an action is approved.
         */
        get: operations["GetActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/actions/{actionId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Applies the action through the helpdesk and records the approval (feedback: accepted). Approving again changes nothing more. */
        post: operations["ApproveAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/actions/{actionId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declines the action (feedback: rejected, with the reason given or other); the helpdesk is not called. */
        post: operations["DeclineAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/actions/{actionId}/inserted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records that the agent inserted an approved lookup's answer into the reply (feedback on the action: accepted), once per action. */
        post: operations["ActionInserted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/actions/shown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records the actions the sidebar displayed, each once, as suggestions of kind action; returns their suggestion ids. */
        post: operations["PostActionsShown"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/ask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An answer to the agent's question from the tenant's knowledge, the ticket and the requester's tickets, with citations. Streams (text/event-stream) when asked.
         * @description question: 1 to 2000 characters. conversationId (from an earlier answer) continues that conversation on this ticket for the same agent while it is not idle too long; otherwise a new one starts. Each answer is recorded as a suggestion of kind answer, shown by this request; status unknown (nothing in the knowledge covers the question) carries no suggestion.
         */
        post: operations["PostAsk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/assist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Summary, warnings, language, articles, macros and similar tickets for a ticket.
         * @description When the helpdesk fails or the assist takes longer than its deadline, the last assist of the ticket is served with stale: true and the reason; with none, a 503 problem with Retry-After. Nothing is recorded: the sidebar reports what it displayed with POST /api/tickets/{id}/assist/{assistId}/shown.
         */
        get: operations["GetAssist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/assist/{assistId}/shown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Records the items of an assist the sidebar displayed to the agent, once per assist, agent and item.
         * @description Kinds: summary, articles, macros, similar-tickets, handoff, procedure. Returns each displayed item's suggestion id, for its feedback. Reporting the same display again returns the same ids and records nothing. 409 when the ticket's assist has been worked out again since (reload it).
         */
        post: operations["PostAssistShown"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A reply draft grounded in the ticket's knowledge, or the reason there is none. Streams (text/event-stream) when asked. */
        post: operations["PostDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/macros/{macroId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What applying a macro would change on the ticket: its reply text, fields and tags. Nothing is changed.
         * @description agentName (the signed-in agent's name) fills the macro's {{current_user…}} placeholders as the workspace will.
         */
        get: operations["GetMacroPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Intent, sentiment, language and priority of a ticket, each with a confidence; boundary warnings beside them. */
        post: operations["PostTriage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/freshdesk/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            /** @description The JSON body of the automation rule's Trigger webhook action, its placeholders filled by Freshdesk (docs/webhooks.md). */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description {{ticket.created_on}}: when the ticket was created (optional). */
                        created_at?: string;
                        /**
                         * @description What the rule reports; one rule per kind.
                         * @enum {string}
                         */
                        event: "ticket-created" | "status-changed" | "comment-added" | "satisfaction-rated";
                        /**
                         * @description satisfaction-rated only: the answer the rule reports, as the admin wrote it into the rule.
                         * @enum {string}
                         */
                        rating?: "good" | "bad";
                        /** @description {{ticket.id}}: the ticket's number (a JSON number is read too). */
                        ticket_id: string;
                        /** @description {{ticket.modified_on}}: when the ticket changed; must be within 5 minutes of the server's clock. */
                        time: string;
                        /** @description {{triggered_event}}: required for status-changed, e.g. {status:{from:2,to:4}}. */
                        triggered_event?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookReceipt"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Payload Too Large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/zendesk/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookReceipt"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Payload Too Large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Zendesk's signed load of the team-lead dashboard: verifies the token, checks the role, serves the page */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The form Zendesk posts with the first load of a signed location. */
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @description Zendesk's RS256 JWT for this load */
                        token: string;
                    };
                    "multipart/form-data": {
                        /** @description Zendesk's RS256 JWT for this load */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sidebar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Zendesk's signed first load of the sidebar: verifies the token, starts a session, serves the app */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The form Zendesk posts with the first load of a signed location. */
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @description Zendesk's RS256 JWT for this load */
                        token: string;
                    };
                    "multipart/form-data": {
                        /** @description Zendesk's RS256 JWT for this load */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sidebar/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trades a current session for a fresh one, while the agent is still staff */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionResponse"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["ProblemDetails"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActionChange: {
            field: string;
            from: null | string;
            to: string;
        };
        ActionCountsResponse: {
            from: string;
            rows: components["schemas"]["ActionCountsRow"][];
            to: string;
        };
        ActionCountsRow: {
            /** Format: int32 */
            approved: number;
            /** Format: int32 */
            declined: number;
            kind: components["schemas"]["ActionKind"];
            procedureId: null | string;
            /** Format: int32 */
            procedureVersion: null | number;
            source: components["schemas"]["ActionSource"];
        };
        ActionDecisionRequest: {
            comment?: null | string;
            /** @enum {null|string} */
            reason?: "wrong-facts" | "wrong-tone" | "outdated-article" | "missing-context" | "policy" | "other" | null;
        };
        ActionDecisionResponse: {
            action: components["schemas"]["ActionDto"];
            duplicate: boolean;
        };
        ActionDto: {
            changes: components["schemas"]["ActionChange"][];
            description: string;
            fieldTitle?: null | string;
            id: string;
            kind: components["schemas"]["ActionKind"];
            lookupParameters?: null | {
                [key: string]: string;
            };
            name?: null | string;
            /** Format: int64 */
            otherTicketId: null | number;
            otherTicketUrl: null | string;
            procedureId: null | string;
            /** Format: int32 */
            procedureVersion: null | number;
            result: null | components["schemas"]["ActionResult"];
            ruleId: null | string;
            /** Format: double */
            score: null | number;
            source: components["schemas"]["ActionSource"];
            state: components["schemas"]["ActionState"];
            step: null | string;
            suggestionId: null | string;
        };
        /** @enum {string} */
        ActionKind: "set-priority" | "set-type" | "add-tags" | "set-field" | "assign-group" | "add-note" | "apply-macro" | "mark-duplicate" | "lookup";
        ActionResult: {
            insertText?: null | string;
            lookupResult?: null | string;
            message: string;
            /** @enum {string} */
            status: "applied" | "read" | "failed";
        };
        /** @enum {string} */
        ActionSource: "triage" | "procedure" | "boundary" | "duplicate" | "ask";
        ActionsResponse: {
            actions: components["schemas"]["ActionDto"][];
            /** Format: int64 */
            ticketId: number;
        };
        ActionsShownRequest: {
            actionIds: null | string[];
        };
        ActionsShownResponse: {
            suggestionIds: {
                [key: string]: string;
            };
        };
        /** @enum {string} */
        ActionState: "proposed" | "applying" | "approved" | "declined";
        AnswerQuoteDto: {
            /** @enum {string} */
            kind: "article" | "macro" | "past-reply" | "document";
            sourceId: string;
            text: string;
            title: string;
            url: null | string;
        };
        AskRequest: {
            conversationId?: null | string;
            question: null | string;
        };
        AskResponse: {
            citations: components["schemas"]["CitationDto"][];
            conversationId: string;
            flagDetails?: null | components["schemas"]["DraftFlag"][];
            flags?: null | string[];
            followUp: boolean;
            label: string;
            notCovered?: null | string[];
            provider: components["schemas"]["ProviderDto"];
            quotes?: null | components["schemas"]["AnswerQuoteDto"][];
            /** @enum {string} */
            status: "answered" | "unknown";
            suggestionId: null | string;
            text: string;
            /** Format: int32 */
            turn: number;
            usage?: null | components["schemas"]["UsageDto"];
        };
        AssistResponse: {
            articles: components["schemas"]["SourceDto"][];
            assistId: string;
            cached: boolean;
            /** Format: date-time */
            generatedAt: string;
            handoff: boolean;
            language: components["schemas"]["LanguageDto"];
            /** Format: int64 */
            latestCommentId: number;
            macros: components["schemas"]["SourceDto"][];
            matches: components["schemas"]["MatchesDto"];
            procedures?: components["schemas"]["MatchedProcedureDto"][];
            provider: components["schemas"]["ProviderDto"];
            similarTickets: components["schemas"]["SourceDto"][];
            stale?: boolean;
            staleReason?: null | string;
            summary: components["schemas"]["SummaryDto"];
            /** Format: int64 */
            ticketId: number;
            warnings: components["schemas"]["WarningDto"][];
        };
        BoundaryCounts: {
            /** Format: int32 */
            draftedRightly: number;
            /** Format: int32 */
            keptNeedlessly: number;
            /** Format: int32 */
            keptRightly: number;
            /** Format: int32 */
            missed: number;
        };
        BoundaryRule: {
            action?: null | string;
            description?: null | string;
            enabled?: boolean;
            id?: null | string;
            insults?: null | {
                [key: string]: string[];
            };
            kind?: null | string;
            /** Format: int32 */
            minMessages?: null | number;
            name?: null | string;
            patterns?: null | {
                [key: string]: string[];
            };
            phrases?: null | {
                [key: string]: string[];
            };
            scope?: null | string;
            /** Format: double */
            threshold?: null | number;
            wayForward?: null | components["schemas"]["WayForward"];
        };
        BoundaryRulesResponse: {
            rules: components["schemas"]["BoundaryRule"][];
            source: string;
            tenant: string;
            /** Format: date-time */
            updatedAt: null | string;
        };
        BoundaryTestRequest: {
            rules: null | components["schemas"]["BoundaryRule"][];
            text: null | string;
        };
        BoundaryTestResponse: {
            handoff: boolean;
            warnings: components["schemas"]["BoundaryWarningDto"][];
        };
        BoundaryWarningDto: {
            action: string;
            /** Format: int64 */
            commentId: null | number;
            evidence: string;
            name: string;
            ruleId: string;
        };
        CheckHitResponse: {
            kind: string;
            locale: null | string;
            /** Format: double */
            relevance: number;
            /** Format: double */
            similarity: null | number;
            sourceId: string;
            title: string;
        };
        CheckResponse: {
            /** Format: double */
            durationMs: number;
            keywords: components["schemas"]["RankMeasures"];
            kind: string;
            /** Format: int32 */
            questions: number;
            results: components["schemas"]["CheckResultResponse"][];
            search: components["schemas"]["RankMeasures"];
            searchedByMeaning: boolean;
            shown: components["schemas"]["ShownMeasures"];
            shownInstead: components["schemas"]["ShownInsteadResponse"][];
            tenant: string;
            vectors: null | components["schemas"]["VectorsResponse"];
        };
        CheckResultResponse: {
            expected: string[];
            /** Format: int32 */
            keywordRank: null | number;
            language: string;
            /** Format: int32 */
            line: number;
            question: string;
            /** Format: int32 */
            rank: null | number;
            shown: components["schemas"]["CheckHitResponse"][];
            /** Format: int32 */
            shownAt: null | number;
            status: components["schemas"]["MatchStatus"];
        };
        CitationDto: {
            /** @enum {string} */
            kind: "article" | "macro" | "past-reply" | "document" | "lookup";
            /** Format: date-time */
            ranAt?: null | string;
            sourceId: string;
            text?: null | string;
            title: string;
            url: null | string;
        };
        ClosestArticle: {
            /** Format: double */
            bestScore: null | number;
            sourceId: string;
            /** Format: int32 */
            tickets: number;
            title: null | string;
        };
        ColleagueCaseDto: {
            excerpt: string;
            sourceId: string;
            title: string;
            url: null | string;
        };
        /** @enum {string} */
        CommitmentKind: "refund" | "credit" | "discount" | "date" | "exception";
        ComparedRow: {
            after: null | components["schemas"]["MeasureRow"];
            before: null | components["schemas"]["MeasureRow"];
            name: string;
        };
        ComparisonReport: {
            after: components["schemas"]["RunInfo"];
            before: components["schemas"]["RunInfo"];
            intents: components["schemas"]["ComparedRow"][];
            overall: components["schemas"]["ComparedRow"];
        };
        DashboardAgent: {
            id: string;
            name: string;
        };
        DashboardTimeSaved: {
            assumptions: components["schemas"]["TimeSavedAssumptions"];
            canEdit: boolean;
            defaults: {
                /** Format: double */
                action: number;
                /** Format: double */
                answer: number;
                /** Format: double */
                articles: number;
                /** Format: double */
                draft: number;
                /** Format: double */
                handoff: number;
                /** Format: double */
                macros: number;
                /** Format: double */
                procedure: number;
                /** Format: double */
                rewrite: number;
                /** Format: double */
                "similar-tickets": number;
                /** Format: double */
                summary: number;
                /** Format: double */
                triage: number;
            };
            /** Format: double */
            maxMinutes: number;
        };
        Distributions: {
            cosine: number[];
            rougeL: number[];
            tokenF1: number[];
        };
        DraftFlag: {
            code: components["schemas"]["DraftFlagCode"];
            kind?: null | components["schemas"]["CommitmentKind"];
            reason: string;
            span?: null | string;
        };
        /** @enum {string} */
        DraftFlagCode: "instructions-removed" | "citation-removed" | "link-removed" | "unbacked-promise" | "requested-promise" | "no-citation" | "needs-input" | "model-interrupted" | "check-before-sending";
        DraftRequest: {
            agentName?: null | string;
            instructions?: null | string;
        };
        DraftResponse: {
            citations: components["schemas"]["CitationDto"][];
            colleagueCases?: null | components["schemas"]["ColleagueCaseDto"][];
            /** @enum {null|string} */
            draftKind?: "answer" | "holding" | "acknowledgement" | "other-language" | "follow-up" | "closed" | "feedback" | null;
            flagDetails?: null | components["schemas"]["DraftFlag"][];
            flags?: null | string[];
            foundByMeaning?: boolean;
            guidance?: null | components["schemas"]["GuidanceDto"][];
            label: string;
            language: string;
            procedures?: null | components["schemas"]["MatchedProcedureDto"][];
            provider: components["schemas"]["ProviderDto"];
            reason?: null | string;
            /** @enum {string} */
            status: "drafted" | "withheld";
            suggestionId: null | string;
            text: null | string;
            usage?: null | components["schemas"]["UsageDto"];
            warnings: components["schemas"]["WarningDto"][];
        };
        /** @enum {string} */
        EditBucket: "0-10" | "10-25" | "25-50" | "50+";
        EmbeddingStatus: {
            /** Format: int64 */
            embedded: number;
            model: null | string;
            /** Format: int64 */
            passages: number;
        };
        Evidence: {
            measure: string;
            met: boolean;
            text: string;
            threshold: string;
            /** Format: double */
            value: null | number;
        };
        /** @enum {string} */
        FeedbackOutcome: "accepted" | "edited" | "rejected";
        FeedbackRequest: {
            comment?: null | string;
            eventId: null | string;
            finalText?: null | string;
            /** @enum {null|string} */
            outcome: "accepted" | "edited" | "rejected" | null;
            /** @enum {null|string} */
            reason?: "wrong-facts" | "wrong-tone" | "outdated-article" | "missing-context" | "policy" | "other" | null;
        };
        FeedbackResponse: {
            duplicate: boolean;
            /** Format: int32 */
            editDistance: null | number;
            /** Format: double */
            editRatio: null | number;
            eventId: string;
            outcome: components["schemas"]["FeedbackOutcome"];
            reason: null | components["schemas"]["RejectionReason"];
            suggestionId: string;
        };
        FieldChangeDto: {
            field: string;
            from: null | string;
            to: null | string;
        };
        FieldWrite: {
            /** @default false */
            addsOption: boolean;
            label: string;
            value: string;
        };
        GuidanceDto: {
            /** @enum {string} */
            kind: "article" | "macro" | "past-reply" | "document";
            sourceId: string;
            text: string;
            title: string;
            url: null | string;
        };
        HttpValidationProblemDetails: {
            detail?: null | string;
            errors?: {
                [key: string]: string[];
            };
            instance?: null | string;
            /** Format: int32 */
            status?: null | number;
            title?: null | string;
            type?: null | string;
        };
        ImportResponse: {
            /** Format: int32 */
            imported: number;
            /** Format: int32 */
            indexed: number;
            tenant: string;
            /** Format: int32 */
            unchanged: number;
            vectors: null | components["schemas"]["VectorsResponse"];
        };
        IntentFieldDto: {
            key: string;
            title: string;
            values: {
                [key: string]: components["schemas"]["FieldWrite"];
            };
        };
        IntentModelDto: {
            /** Format: double */
            confidenceFloor: number;
            /** Format: int32 */
            examples: number;
            examplesByLanguage: {
                [key: string]: number;
            };
            /** Format: double */
            heldOutAccuracy: null | number;
            /** Format: int32 */
            heldOutExamples: number;
            intents: components["schemas"]["LearnedIntentDto"][];
            sentenceModel: null | string;
            /** Format: double */
            temperature: null | number;
            tenant: string;
            trained: boolean;
            /** Format: date-time */
            trainedAt: null | string;
            /** Format: int32 */
            translatedHeldOutExamples: number;
            /** Format: double */
            translatedTemperature: null | number;
        };
        /** @description An ISO 8601 week, e.g. 2026-W47: weeks start on Monday; week 1 holds the year's first Thursday. */
        IsoWeek: string;
        KnowledgeGapsResponse: {
            from: string;
            tenant: string;
            /** Format: double */
            threshold: number;
            /** Format: int32 */
            ticketCount: number;
            to: string;
            topics: components["schemas"]["KnowledgeGapTopic"][];
        };
        KnowledgeGapTopic: {
            closestArticles: components["schemas"]["ClosestArticle"][];
            exampleTicketIds: number[];
            label: string;
            /** Format: int32 */
            missingContext: number;
            /** Format: int32 */
            noMatch: number;
            /** Format: int32 */
            outdatedArticle: number;
            terms: string[];
            /** Format: int32 */
            ticketCount: number;
        };
        Labelled: {
            /** Format: double */
            confidence: number;
            value: string;
        };
        LanguageDto: {
            code: string;
            /** Format: double */
            confidence: number;
        };
        LearnedIntentDto: {
            /** Format: int32 */
            configuredExamples: number;
            name: string;
            /** Format: int32 */
            ticketExamples: number;
        };
        MacroPreviewResponse: {
            changes: components["schemas"]["FieldChangeDto"][];
            comment: null | string;
            commentPublic: boolean;
            /** Format: int64 */
            macroId: number;
            tagsAdded: string[];
            tagsRemoved: string[];
        };
        /** @enum {string} */
        MatchedBy: "intent" | "similarity";
        MatchedProcedureDto: {
            id: string;
            intent: string;
            matchedBy?: null | components["schemas"]["MatchedBy"];
            /** Format: double */
            score?: null | number;
            steps: string[];
            title: string;
            /** Format: int32 */
            version: number;
        };
        MatchesDto: {
            articles: components["schemas"]["MatchStatus"];
            macros: components["schemas"]["MatchStatus"];
            similarTickets: components["schemas"]["MatchStatus"];
        };
        /** @enum {string} */
        MatchStatus: "found" | "other-language" | "no-good-match";
        MeasureRow: {
            /** Format: int32 */
            asIs?: number;
            /** Format: double */
            cosine?: null | number;
            /** Format: int32 */
            drafted?: number;
            evidence?: components["schemas"]["Evidence"][];
            /** Format: double */
            factRecall?: null | number;
            /** Format: double */
            hitAt1?: null | number;
            /** Format: double */
            hitAtK?: null | number;
            /** Format: int32 */
            missedHandoffs?: number;
            /** Format: double */
            missedHandoffShare?: null | number;
            name: string;
            /** Format: int32 */
            needsEdits?: number;
            /** Format: double */
            newPromiseShare?: null | number;
            /** Format: int32 */
            notUseful?: number;
            /** Format: int32 */
            replayed?: number;
            /** Format: int32 */
            retrievalMeasured?: number;
            /** Format: double */
            rougeL?: null | number;
            /** Format: double */
            tokenF1?: null | number;
            /** Format: double */
            triageAccuracy?: null | number;
            /** Format: int32 */
            triageMeasured?: number;
            /** Format: double */
            usefulShare?: null | number;
            verdict?: null | string;
            /** Format: int32 */
            withheld?: number;
        };
        OutcomeDifference: {
            reopenRate: null | components["schemas"]["RateDifference"];
            satisfaction: null | components["schemas"]["RateDifference"];
        };
        OutcomeGroup: {
            /** Format: double */
            meanResolutionHours: null | number;
            /** Format: double */
            medianResolutionHours: null | number;
            /** Format: int32 */
            rated: number;
            reopened?: null | components["schemas"]["Rate"];
            /** Format: double */
            reopenRate: null | number;
            /** Format: double */
            satisfaction: null | number;
            satisfied?: null | components["schemas"]["Rate"];
            /** Format: int32 */
            tickets: number;
        };
        OutcomesResponse: {
            assisted: components["schemas"]["OutcomeGroup"];
            difference: components["schemas"]["OutcomeDifference"];
            from: string;
            tenant: string;
            to: string;
            unassisted: components["schemas"]["OutcomeGroup"];
        };
        ProblemDetails: {
            detail?: null | string;
            instance?: null | string;
            /** Format: int32 */
            status?: null | number;
            title?: null | string;
            type?: null | string;
        };
        ProcedureDto: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            intent: string;
            retired: boolean;
            stepList: string[];
            steps: string;
            title: string;
            /** Format: int32 */
            version: number;
        };
        ProcedureFigures: {
            /** Format: int64 */
            actionsApproved: number;
            /** Format: int64 */
            actionsDeclined: number;
            /** Format: int64 */
            drafts: number;
            /** Format: int64 */
            draftsAccepted: number;
            /** Format: int64 */
            draftsEdited: number;
            /** Format: int64 */
            draftsRejected: number;
            id: string;
            /** Format: int64 */
            shown: number;
            title: null | string;
        };
        ProcedureFiguresResponse: {
            from: string;
            rows: components["schemas"]["ProcedureFigures"][];
            to: string;
        };
        ProcedureHistoryDto: {
            current: components["schemas"]["ProcedureDto"];
            versions: components["schemas"]["ProcedureDto"][];
        };
        ProviderDto: {
            detail?: null | string;
            modelAvailable: boolean;
            name: string;
            offline: boolean;
        };
        PutBoundaryRulesRequest: {
            rules: null | components["schemas"]["BoundaryRule"][];
        };
        PutProcedureRequest: {
            intent: null | string;
            steps: null | string;
            title: null | string;
        };
        RankMeasures: {
            /** Format: double */
            hitAt1: number;
            /** Format: double */
            hitAt3: number;
            /** Format: double */
            hitAt10: number;
            /** Format: double */
            mrr: number;
        };
        Rate: {
            /** Format: int64 */
            count: number;
            /** Format: double */
            high: number;
            /** Format: double */
            low: number;
            /** Format: int64 */
            of: number;
            /** Format: double */
            value: number;
        };
        RateDifference: {
            /** Format: double */
            high: number;
            /** Format: double */
            low: number;
            /** Format: double */
            value: number;
        };
        /** @enum {string} */
        RejectionReason: "wrong-facts" | "wrong-tone" | "outdated-article" | "missing-context" | "policy" | "other";
        ReplayProgress: {
            /** Format: int32 */
            done: number;
            /** Format: int32 */
            planned: null | number;
            /** Format: double */
            rate: number;
            /** Format: double */
            secondsLeft: null | number;
            /** Format: double */
            share?: null | number;
        };
        ReplayReport: {
            best: components["schemas"]["TicketResult"][];
            boundaries: components["schemas"]["BoundaryCounts"];
            distributions: components["schemas"]["Distributions"];
            intents: components["schemas"]["MeasureRow"][];
            overall: components["schemas"]["MeasureRow"];
            run: components["schemas"]["RunInfo"];
            skipped: components["schemas"]["SkipCount"][];
            thresholds: components["schemas"]["Thresholds"];
            worst: components["schemas"]["TicketResult"][];
        };
        ReplayRequest: {
            /** Format: int32 */
            count?: null | number;
            /** Format: date-time */
            from?: null | string;
            group?: null | string;
            intent?: null | string;
            label?: null | string;
            sample?: boolean;
            /** Format: int32 */
            seed?: null | number;
            source?: string;
            /** Format: date-time */
            to?: null | string;
        };
        ReplayRunDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: int32 */
            done: number;
            error: null | string;
            /** Format: date-time */
            finishedAt: null | string;
            id: string;
            label: null | string;
            /** Format: int32 */
            planned: null | number;
            /** Format: double */
            ratePerMinute: number;
            request: components["schemas"]["ReplayRequest"];
            /** Format: double */
            secondsLeft: null | number;
            /** Format: double */
            share: null | number;
            source: string;
            status: string;
            tenant: string;
        };
        RewriteRequest: {
            /** @enum {null|string} */
            action: "expand" | "shorten" | "friendlier" | "more-formal" | "fix-grammar" | "translate" | null;
            language?: null | string;
            text: null | string;
            /** Format: int64 */
            ticketId?: null | number;
        };
        RewriteResponse: {
            changed: boolean;
            edits: string[];
            flags: string[];
            note: null | string;
            provider: components["schemas"]["ProviderDto"];
            suggestionId: null | string;
            text: string;
            usage: null | components["schemas"]["UsageDto"];
        };
        RunInfo: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: null | string;
            id: string;
            label: null | string;
            progress: components["schemas"]["ReplayProgress"];
            providers: string[];
            request: components["schemas"]["ReplayRequest"];
            source: string;
            status: string;
            tenant: string;
        };
        SearchHitResponse: {
            kind: string;
            locale: null | string;
            passage: string;
            /** Format: double */
            relevance: number;
            /** Format: double */
            score: number;
            /** Format: double */
            similarity: null | number;
            sourceId: string;
            title: string;
            unrelatedByModel: boolean;
            url: null | string;
        };
        SearchResponse: {
            hits: components["schemas"]["SearchHitResponse"][];
            query: string;
            terms: string[];
        };
        SessionResponse: {
            agentId: string;
            /** Format: date-time */
            expiresAt: string;
            name: string;
            role: string;
            token: string;
        };
        ShownInsteadResponse: {
            kind: string;
            lines: number[];
            /** Format: int32 */
            questions: number;
            sourceId: string;
            title: string;
        };
        ShownMeasures: {
            /** Format: double */
            any: number;
            /** Format: double */
            first: number;
            /** Format: double */
            nothing: number;
        };
        ShownRequest: {
            kinds: null | components["schemas"]["SuggestionKind"][];
        };
        ShownResponse: {
            articles: null | string;
            handoff?: null | string;
            macros: null | string;
            procedure?: null | string;
            similarTickets: null | string;
            summary: null | string;
        };
        SkipCount: {
            reason: string;
            /** Format: int32 */
            tickets: number;
        };
        SourceDto: {
            /** @enum {string} */
            kind: "article" | "macro" | "past-reply" | "document";
            locale: null | string;
            passage: string;
            /** Format: double */
            score: number;
            sourceId: string;
            title: string;
            url: null | string;
        };
        StatusResponse: {
            lastError: null | string;
            /** Format: date-time */
            lastErrorAt: null | string;
            /** Format: date-time */
            lastFullSync: null | string;
            /** Format: date-time */
            lastIncrementalStart: null | string;
            /** Format: date-time */
            lastSync: null | string;
            /** Format: int32 */
            passages: number;
            sources: {
                [key: string]: number;
            };
            tenant: string;
            vectors: null | components["schemas"]["VectorsResponse"];
        };
        /** @enum {string} */
        SuggestionKind: "summary" | "draft" | "articles" | "macros" | "similar-tickets" | "handoff" | "rewrite" | "triage" | "answer" | "procedure" | "action";
        SummaryDto: {
            customerWants: string;
            nextStep: string;
            status: string;
            tried: string;
        };
        SummaryResponse: {
            assumptions?: null | components["schemas"]["TimeSavedAssumptions"];
            currency?: string;
            from: string;
            groupBy: string;
            rows: components["schemas"]["SummaryRow"][];
            tenant: string;
            to: string;
            total: components["schemas"]["SummaryRow"];
        };
        SummaryRow: {
            /** Format: double */
            acceptanceRate?: null | number;
            /** Format: int64 */
            accepted?: number;
            /** Format: double */
            acceptedAsIsRate?: null | number;
            /** Format: double */
            costPerAcceptedUsd?: null | number;
            /** Format: double */
            costPerUsedUsd: null | number;
            /** Format: double */
            costUsd: number;
            /** Format: int64 */
            edited: number;
            editedRate: null | components["schemas"]["Rate"];
            editSize: {
                /** Format: int64 */
                "0-10": number;
                /** Format: int64 */
                "10-25": number;
                /** Format: int64 */
                "25-50": number;
                /** Format: int64 */
                "50+": number;
            };
            /** Format: int64 */
            ignored: number;
            ignoredRate: null | components["schemas"]["Rate"];
            key: string;
            /** Format: int64 */
            noFeedback?: number;
            /** Format: int64 */
            rejected: number;
            rejectedByReason: {
                /** Format: int64 */
                "missing-context": number;
                /** Format: int64 */
                other: number;
                /** Format: int64 */
                "outdated-article": number;
                /** Format: int64 */
                policy: number;
                /** Format: int64 */
                "wrong-facts": number;
                /** Format: int64 */
                "wrong-tone": number;
            };
            rejectedRate: null | components["schemas"]["Rate"];
            /** Format: int64 */
            shown: number;
            /** Format: double */
            timeSavedMinutes: number;
            /** Format: int64 */
            used: number;
            /** Format: int64 */
            usedAsIs: number;
            usedAsIsRate: null | components["schemas"]["Rate"];
            usedRate: null | components["schemas"]["Rate"];
        };
        SyncResponse: {
            /** Format: int32 */
            articles: number;
            /** Format: double */
            durationMs: number;
            full: boolean;
            /** Format: int32 */
            indexed: number;
            /** Format: int32 */
            macros: number;
            /** Format: int32 */
            pastReplies: number;
            /** Format: int32 */
            removed: number;
            tenant: string;
            vectors: null | components["schemas"]["VectorsResponse"];
        };
        TenantStatus: {
            auth: string;
            baseUrl: string;
            embeddings: components["schemas"]["EmbeddingStatus"];
            /** Format: int64 */
            feedbackEvents: number;
            helpdesk: string;
            id: string;
            includeInternalNotes: boolean;
            /** Format: int64 */
            suggestions: number;
        };
        Thresholds: {
            /** Format: double */
            asIsCosine: number;
            /** Format: double */
            asIsFactRecall: number;
            /** Format: double */
            asIsRougeL: number;
            /** Format: double */
            editsCosine: number;
            /** Format: double */
            editsRougeL: number;
            /** Format: double */
            editsTokenF1: number;
            /** Format: double */
            goHitAtK: number;
            /** Format: int32 */
            goMinRetrieval: number;
            /** Format: int32 */
            goMinTickets: number;
            /** Format: double */
            goMissedHandoffShare: number;
            /** Format: double */
            goNewPromiseShare: number;
            /** Format: double */
            goUsefulShare: number;
            /** Format: int32 */
            quoteTokens: number;
            /** Format: double */
            stepRecall: number;
        };
        TicketResult: {
            /** Format: int32 */
            articlesUsed?: number;
            band?: null | string;
            belongedWithPerson?: boolean;
            /** Format: double */
            cosine?: null | number;
            customer?: null | string;
            draft?: null | string;
            /** Format: double */
            factRecall?: null | number;
            /** Format: int32 */
            facts?: number;
            /** Format: int32 */
            factsFound?: number;
            factsMissing?: string[];
            group?: null | string;
            /** Format: int32 */
            hitRank?: null | number;
            intent?: null | string;
            intentRight?: null | boolean;
            keptWithHuman?: boolean;
            /** Format: double */
            ms?: number;
            newPromises?: string[];
            predictedIntent?: null | string;
            provider?: null | string;
            reply?: null | string;
            /** Format: double */
            rougeL?: null | number;
            rules?: string[];
            /** Format: double */
            score?: null | number;
            skipped?: null | string;
            /** Format: date-time */
            solvedAt?: null | string;
            subject?: null | string;
            /** Format: int32 */
            surfaced?: number;
            ticketId: string;
            /** Format: double */
            tokenF1?: null | number;
        };
        TimeSavedAssumptions: {
            /** Format: double */
            editedSavingsFactor: number;
            minutesPerUse: {
                /** Format: double */
                action: number;
                /** Format: double */
                answer: number;
                /** Format: double */
                articles: number;
                /** Format: double */
                draft: number;
                /** Format: double */
                handoff: number;
                /** Format: double */
                macros: number;
                /** Format: double */
                procedure: number;
                /** Format: double */
                rewrite: number;
                /** Format: double */
                "similar-tickets": number;
                /** Format: double */
                summary: number;
                /** Format: double */
                triage: number;
            };
            setByAdmin: components["schemas"]["SuggestionKind"][];
        };
        TimeSavedRequest: {
            minutesPerUse: null | {
                [key: string]: number;
            };
        };
        TriageResponse: {
            applyTo?: components["schemas"]["TriageTargetsDto"];
            handoff: boolean;
            intent: components["schemas"]["Labelled"];
            intentCandidates?: components["schemas"]["Labelled"][];
            language: components["schemas"]["Labelled"];
            priority: components["schemas"]["Labelled"];
            provider: components["schemas"]["ProviderDto"];
            sentiment: components["schemas"]["Labelled"];
            suggestionId: string;
            /** Format: int64 */
            ticketId: number;
            warnings: components["schemas"]["WarningDto"][];
        };
        TriageTargetsDto: {
            intentField: null | components["schemas"]["IntentFieldDto"];
            intentTags: {
                [key: string]: string;
            };
            priorities: string[];
            priority: boolean;
        };
        UsageDto: {
            /** Format: double */
            cost: number;
            /** Format: double */
            costUsd: null | number;
            currency: string;
            /** Format: double */
            firstTokenMs: null | number;
            /** Format: int64 */
            inputTokens: null | number;
            model: string;
            /** Format: int64 */
            outputTokens: null | number;
            /** Format: double */
            totalMs: number;
        };
        VectorsResponse: {
            /** Format: int64 */
            embedded: number;
            model: string;
            /** Format: int64 */
            passages: number;
        };
        WarningDto: {
            /** @enum {string} */
            action: "handoff" | "caution";
            /** Format: int64 */
            commentId: null | number;
            evidence: string;
            name: string;
            ruleId: string;
            wayForward?: null | components["schemas"]["WayForward"];
        };
        WayForward: {
            /** Format: int64 */
            groupId?: null | number;
            groupName?: null | string;
            internalNote?: boolean;
            tags?: null | string[];
        };
        WebhookReceipt: {
            duplicate: boolean;
            eventId: string;
            kind: string;
            /** Format: int64 */
            ticketId: number;
            type: string;
        };
        WeeklyResponse: {
            from: string;
            tenant: string;
            to: string;
            weeks: components["schemas"]["WeekSummary"][];
        };
        WeekSummary: {
            /** Format: int32 */
            days: number;
            from: string;
            partial: boolean;
            rows: components["schemas"]["SummaryRow"][];
            to: string;
            total: components["schemas"]["SummaryRow"];
            week: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantStatus"][];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantStatus"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetBoundaryRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryRulesResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PutBoundaryRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["PutBoundaryRulesRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryRulesResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ResetBoundaryRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryRulesResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    TestBoundaryRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["BoundaryTestRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoundaryTestResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetLearnedIntents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntentModelDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetProcedures: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureDto"][];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetProcedure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureHistoryDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PutProcedure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["PutProcedureRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureDto"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RetireProcedure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetProcedureVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetProcedureAnalytics: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureFigures"][];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListReplays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayRunDto"][];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    StartReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ReplayRequest"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayRunDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayRunDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CancelReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayRunDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetReplayReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayReport"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetReplayReportHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ResumeReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayRunDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CompareReplays: {
        parameters: {
            query?: {
                after?: string;
                before?: string;
            };
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparisonReport"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CompareReplaysHtml: {
        parameters: {
            query?: {
                after?: string;
                before?: string;
            };
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    StartReplayFromJsonl: {
        parameters: {
            query?: {
                count?: number;
                from?: string;
                group?: string;
                intent?: string;
                label?: string;
                sample?: boolean;
                seed?: number;
                to?: string;
            };
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        /** @description Solved tickets, one JSON object a line (docs/replay.md); the filter in the query. */
        requestBody: {
            content: {
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayRunDto"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetTimeSaved: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeSavedAssumptions"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PutTimeSaved: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["TimeSavedRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeSavedAssumptions"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetActionCounts: {
        parameters: {
            query?: {
                from?: string;
                tenant?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionCountsResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetProcedureFigures: {
        parameters: {
            query?: {
                from?: string;
                tenant?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureFiguresResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListDashboardReplays: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayRunDto"][];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetDashboardReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayRunDto"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetDashboardReplayReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayReport"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetDashboardReplayReportHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CompareDashboardReplaysHtml: {
        parameters: {
            query?: {
                after?: string;
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetDashboardTimeSaved: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardTimeSaved"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PutDashboardTimeSaved: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["TimeSavedRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardTimeSaved"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PostRewrite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RewriteRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RewriteResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PostFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackResponse"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionsResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ApproveAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDecisionResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Bad Gateway */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DeclineAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ActionDecisionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDecisionResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ActionInserted: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDecisionResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PostActionsShown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ActionsShownRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionsShownResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PostAsk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["AskRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AskResponse"];
                    "text/event-stream": components["schemas"]["AskResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetAssist: {
        parameters: {
            query?: {
                latestCommentId?: number;
                refresh?: boolean;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssistResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PostAssistShown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assistId: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ShownRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShownResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PostDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["DraftRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftResponse"];
                    "text/event-stream": components["schemas"]["DraftResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["HttpValidationProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetMacroPreview: {
        parameters: {
            query?: {
                agentName?: string;
            };
            header?: never;
            path: {
                id: number;
                macroId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MacroPreviewResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PostTriage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriageResponse"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsApiWebhooksFreshdeskTenantPostRequestBodyContentApplicationJsonEventValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/webhooks/freshdesk/{tenant}"]["post"]["requestBody"]["content"]["application/json"]["event"]> = ["ticket-created", "status-changed", "comment-added", "satisfaction-rated"];
export const pathsApiWebhooksFreshdeskTenantPostRequestBodyContentApplicationJsonRatingValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/webhooks/freshdesk/{tenant}"]["post"]["requestBody"]["content"]["application/json"]["rating"]> = ["good", "bad"];
export const actionDecisionRequestReasonValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ActionDecisionRequest"]["reason"]> = ["wrong-facts", "wrong-tone", "outdated-article", "missing-context", "policy", "other"];
export const actionKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ActionKind"]> = ["set-priority", "set-type", "add-tags", "set-field", "assign-group", "add-note", "apply-macro", "mark-duplicate", "lookup"];
export const actionResultStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ActionResult"]["status"]> = ["applied", "read", "failed"];
export const actionSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ActionSource"]> = ["triage", "procedure", "boundary", "duplicate", "ask"];
export const actionStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ActionState"]> = ["proposed", "applying", "approved", "declined"];
export const answerQuoteDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AnswerQuoteDto"]["kind"]> = ["article", "macro", "past-reply", "document"];
export const askResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AskResponse"]["status"]> = ["answered", "unknown"];
export const citationDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CitationDto"]["kind"]> = ["article", "macro", "past-reply", "document", "lookup"];
export const commitmentKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CommitmentKind"]> = ["refund", "credit", "discount", "date", "exception"];
export const draftFlagCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DraftFlagCode"]> = ["instructions-removed", "citation-removed", "link-removed", "unbacked-promise", "requested-promise", "no-citation", "needs-input", "model-interrupted", "check-before-sending"];
export const draftResponseDraftKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DraftResponse"]["draftKind"]> = ["answer", "holding", "acknowledgement", "other-language", "follow-up", "closed", "feedback"];
export const draftResponseStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DraftResponse"]["status"]> = ["drafted", "withheld"];
export const editBucketValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EditBucket"]> = ["0-10", "10-25", "25-50", "50+"];
export const feedbackOutcomeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FeedbackOutcome"]> = ["accepted", "edited", "rejected"];
export const feedbackRequestOutcomeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FeedbackRequest"]["outcome"]> = ["accepted", "edited", "rejected"];
export const feedbackRequestReasonValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FeedbackRequest"]["reason"]> = ["wrong-facts", "wrong-tone", "outdated-article", "missing-context", "policy", "other"];
export const guidanceDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["GuidanceDto"]["kind"]> = ["article", "macro", "past-reply", "document"];
export const matchedByValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MatchedBy"]> = ["intent", "similarity"];
export const matchStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MatchStatus"]> = ["found", "other-language", "no-good-match"];
export const rejectionReasonValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RejectionReason"]> = ["wrong-facts", "wrong-tone", "outdated-article", "missing-context", "policy", "other"];
export const rewriteRequestActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RewriteRequest"]["action"]> = ["expand", "shorten", "friendlier", "more-formal", "fix-grammar", "translate"];
export const sourceDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SourceDto"]["kind"]> = ["article", "macro", "past-reply", "document"];
export const suggestionKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SuggestionKind"]> = ["summary", "draft", "articles", "macros", "similar-tickets", "handoff", "rewrite", "triage", "answer", "procedure", "action"];
export const warningDtoActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WarningDto"]["action"]> = ["handoff", "caution"];
