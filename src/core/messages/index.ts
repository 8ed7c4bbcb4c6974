// The message catalogue: every sentence a person reads (CLI, sheets, sidebar, alerts, e-mails), in
// Brazilian Portuguese, one module per area. Code never writes user-facing text inline: it calls a
// function here, so wording is reviewed in one place and no English reaches a coordinator.
// Messages never quote a response body, a header value or the token: they take ids, statuses,
// endpoints and cell names only.
