CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;
CREATE TABLE answers (
    "Id" text NOT NULL,
    "Channel" text NOT NULL,
    "ConversationId" text NOT NULL,
    "UserId" text NOT NULL,
    "Question" text NOT NULL,
    "Answer" text NOT NULL,
    "Found" boolean NOT NULL,
    "CitationsJson" text NOT NULL,
    "PromptVersion" text,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_answers" PRIMARY KEY ("Id")
);

CREATE TABLE feedback (
    "AnswerId" text NOT NULL,
    "UserId" text NOT NULL,
    "Helpful" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_feedback" PRIMARY KEY ("AnswerId", "UserId")
);

CREATE TABLE inbox (
    "Key" text NOT NULL,
    "Channel" text NOT NULL,
    "Payload" text NOT NULL,
    "Status" text NOT NULL,
    "Attempts" integer NOT NULL,
    "State" text,
    "LastError" text,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "AvailableAt" timestamp with time zone NOT NULL,
    "CompletedAt" timestamp with time zone,
    CONSTRAINT "PK_inbox" PRIMARY KEY ("Key")
);

CREATE INDEX "IX_answers_CreatedAt" ON answers ("CreatedAt");

CREATE INDEX "IX_feedback_CreatedAt" ON feedback ("CreatedAt");

CREATE INDEX "IX_inbox_Status_AvailableAt" ON inbox ("Status", "AvailableAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201210509_Initial', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE api_keys (
    "Id" text NOT NULL,
    "Name" text NOT NULL,
    "KeyHash" text NOT NULL,
    "PerMinuteLimit" integer NOT NULL,
    "UsageCount" bigint NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastUsedAt" timestamp with time zone,
    "RevokedAt" timestamp with time zone,
    CONSTRAINT "PK_api_keys" PRIMARY KEY ("Id")
);

CREATE TABLE source_runs (
    "Source" text NOT NULL,
    "Status" text NOT NULL,
    "LeaseUntil" timestamp with time zone NOT NULL,
    "StartedAt" timestamp with time zone,
    "FinishedAt" timestamp with time zone,
    "LastError" text,
    CONSTRAINT "PK_source_runs" PRIMARY KEY ("Source")
);

CREATE UNIQUE INDEX "IX_api_keys_KeyHash" ON api_keys ("KeyHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201211429_SourceRunsAndApiKeys', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE quiz_answers (
    "SessionId" text NOT NULL,
    "QuestionIndex" integer NOT NULL,
    "UserId" text NOT NULL,
    "Channel" text NOT NULL,
    "ConversationId" text NOT NULL,
    "ChosenOption" integer NOT NULL,
    "Correct" boolean NOT NULL,
    "AnsweredAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_quiz_answers" PRIMARY KEY ("SessionId", "QuestionIndex", "UserId")
);

CREATE TABLE quiz_learner_items (
    "UserId" text NOT NULL,
    "QuestionId" text NOT NULL,
    "Topic" text NOT NULL,
    "Box" integer NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "TimesCorrect" integer NOT NULL,
    "TimesWrong" integer NOT NULL,
    "LastAnsweredAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_quiz_learner_items" PRIMARY KEY ("UserId", "QuestionId")
);

CREATE TABLE quiz_questions (
    "Id" text NOT NULL,
    "ChunkId" text NOT NULL,
    "ContentHash" text NOT NULL,
    "Topic" text NOT NULL,
    "Stem" text NOT NULL,
    "OptionsJson" text NOT NULL,
    "CorrectOption" integer NOT NULL,
    "Evidence" text NOT NULL,
    "Explanation" text NOT NULL,
    "CitationJson" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "RetiredAt" timestamp with time zone,
    CONSTRAINT "PK_quiz_questions" PRIMARY KEY ("Id")
);

CREATE TABLE quiz_sessions (
    "Id" text NOT NULL,
    "Channel" text NOT NULL,
    "ConversationId" text NOT NULL,
    "OpenIn" text,
    "Personal" boolean NOT NULL,
    "StartedBy" text NOT NULL,
    "Topic" text NOT NULL,
    "QuestionIdsJson" text NOT NULL,
    "Current" integer NOT NULL,
    "State" text NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "QuestionDeadline" timestamp with time zone,
    "IdleDeadline" timestamp with time zone NOT NULL,
    "ClosedAt" timestamp with time zone,
    CONSTRAINT "PK_quiz_sessions" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_quiz_answers_Channel_ConversationId" ON quiz_answers ("Channel", "ConversationId");

CREATE INDEX "IX_quiz_questions_ChunkId" ON quiz_questions ("ChunkId");

CREATE UNIQUE INDEX "IX_quiz_sessions_OpenIn" ON quiz_sessions ("OpenIn");

CREATE INDEX "IX_quiz_sessions_State_IdleDeadline" ON quiz_sessions ("State", "IdleDeadline");

CREATE INDEX "IX_quiz_sessions_State_QuestionDeadline" ON quiz_sessions ("State", "QuestionDeadline");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202001405_Quizzes', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE quiz_sessions RENAME COLUMN "ConversationId" TO "Space";

ALTER TABLE quiz_answers RENAME COLUMN "ConversationId" TO "Space";

ALTER INDEX "IX_quiz_answers_Channel_ConversationId" RENAME TO "IX_quiz_answers_Channel_Space";

ALTER TABLE quiz_sessions ADD "Reference" text;

ALTER TABLE quiz_sessions ADD "Thread" text;

ALTER TABLE quiz_answers ADD "Thread" text;

UPDATE quiz_sessions SET "Thread" = NULLIF(substr("Space", strpos("Space", ':') + 1), ''), "Space" = substr("Space", 1, strpos("Space", ':') - 1)
WHERE "Channel" = 'slack' AND strpos("Space", ':') > 1;

UPDATE quiz_sessions SET "Thread" = NULLIF(substr("Space", strpos("Space", ';messageid=') + 11), ''), "Space" = substr("Space", 1, strpos("Space", ';messageid=') - 1)
WHERE "Channel" = 'teams' AND strpos("Space", ';messageid=') > 1;

UPDATE quiz_answers SET "Thread" = NULLIF(substr("Space", strpos("Space", ':') + 1), ''), "Space" = substr("Space", 1, strpos("Space", ':') - 1)
WHERE "Channel" = 'slack' AND strpos("Space", ':') > 1;

UPDATE quiz_answers SET "Thread" = NULLIF(substr("Space", strpos("Space", ';messageid=') + 11), ''), "Space" = substr("Space", 1, strpos("Space", ';messageid=') - 1)
WHERE "Channel" = 'teams' AND strpos("Space", ';messageid=') > 1;

UPDATE quiz_sessions SET "OpenIn" = 'teams|' || "Space" || ':' || "Thread" WHERE "Channel" = 'teams' AND "OpenIn" IS NOT NULL AND "Thread" IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205145249_ConversationAddresses', '10.0.15');

COMMIT;

