-- Lumiku's first schema: people, their credits, the generations they pay for, and what those produce.
-- Times are timestamptz (UTC); ids are UUIDs made by the application.

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         varchar(254) NOT NULL,
    name          varchar(100) NOT NULL,
    password_hash varchar(512) NOT NULL,
    role          varchar(20)  NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    created_at    timestamptz  NOT NULL
);
-- Emails are stored lower-cased; one account per address.
CREATE UNIQUE INDEX users_email_key ON users (email);

-- One balance per user; it can never go below zero.
CREATE TABLE credit_accounts (
    user_id    uuid PRIMARY KEY REFERENCES users (id),
    balance    bigint      NOT NULL CHECK (balance >= 0),
    updated_at timestamptz NOT NULL
);

-- Append-only: every change of a balance, with the balance it left behind.
CREATE TABLE credit_transactions (
    id             uuid PRIMARY KEY,
    user_id        uuid         NOT NULL REFERENCES users (id),
    amount         bigint       NOT NULL CHECK (amount <> 0),
    balance_after  bigint       NOT NULL CHECK (balance_after >= 0),
    type           varchar(10)  NOT NULL CHECK (type IN ('grant', 'topup', 'deduct', 'refund', 'adjust')),
    reference_type varchar(30),
    reference_id   uuid,
    description    varchar(200) NOT NULL,
    created_at     timestamptz  NOT NULL
);
CREATE INDEX credit_transactions_user_created_idx ON credit_transactions (user_id, created_at DESC, id DESC);
-- A generation is charged once and refunded at most once, whoever asks.
CREATE UNIQUE INDEX credit_transactions_one_deduct_per_reference
    ON credit_transactions (reference_type, reference_id) WHERE type = 'deduct';
CREATE UNIQUE INDEX credit_transactions_one_refund_per_reference
    ON credit_transactions (reference_type, reference_id) WHERE type = 'refund';

CREATE TABLE generations (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id),
    app           varchar(40) NOT NULL,
    type          varchar(40) NOT NULL,
    status        varchar(12) NOT NULL CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'canceled')),
    progress      smallint    NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    attempts      integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    error_message varchar(500),
    credit_cost   bigint      NOT NULL CHECK (credit_cost >= 0),
    refunded      boolean     NOT NULL DEFAULT false,
    parameters    text        NOT NULL,
    result        text,
    created_at    timestamptz NOT NULL,
    started_at    timestamptz,
    completed_at  timestamptz,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX generations_user_created_idx ON generations (user_id, created_at DESC, id DESC);
CREATE INDEX generations_live_idx ON generations (status, created_at) WHERE status IN ('pending', 'processing');

CREATE TABLE avatar_projects (
    id          uuid PRIMARY KEY,
    user_id     uuid         NOT NULL REFERENCES users (id),
    name        varchar(100) NOT NULL,
    description varchar(500),
    created_at  timestamptz  NOT NULL
);
CREATE INDEX avatar_projects_user_created_idx ON avatar_projects (user_id, created_at DESC);

CREATE TABLE avatars (
    id              uuid PRIMARY KEY,
    project_id      uuid         NOT NULL REFERENCES avatar_projects (id),
    user_id         uuid         NOT NULL REFERENCES users (id),
    generation_id   uuid         REFERENCES generations (id),
    name            varchar(100) NOT NULL,
    prompt          varchar(1000),
    image_path      varchar(200) NOT NULL,
    thumbnail_path  varchar(200) NOT NULL,
    width           integer      NOT NULL,
    height          integer      NOT NULL,
    created_at      timestamptz  NOT NULL
);
-- One avatar per generation, however often its message is delivered.
CREATE UNIQUE INDEX avatars_generation_key ON avatars (generation_id);
CREATE INDEX avatars_project_created_idx ON avatars (project_id, created_at DESC);
