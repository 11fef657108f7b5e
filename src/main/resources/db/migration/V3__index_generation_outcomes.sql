-- Worker figures (GET /api/health/workers): outcomes of the last hour, per app and overall.
CREATE INDEX generations_app_completed_idx ON generations (app, completed_at);
CREATE INDEX generations_completed_idx ON generations (completed_at);
