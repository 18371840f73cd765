CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "answers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_answers" PRIMARY KEY,
    "Channel" TEXT NOT NULL,
    "ConversationId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Question" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "Found" INTEGER NOT NULL,
    "CitationsJson" TEXT NOT NULL,
    "PromptVersion" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "feedback" (
    "AnswerId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Helpful" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_feedback" PRIMARY KEY ("AnswerId", "UserId")
);

CREATE TABLE "inbox" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_inbox" PRIMARY KEY,
    "Channel" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "State" TEXT NULL,
    "LastError" TEXT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "AvailableAt" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL
);

CREATE INDEX "IX_answers_CreatedAt" ON "answers" ("CreatedAt");

CREATE INDEX "IX_feedback_CreatedAt" ON "feedback" ("CreatedAt");

CREATE INDEX "IX_inbox_Status_AvailableAt" ON "inbox" ("Status", "AvailableAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201210506_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "api_keys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_api_keys" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "PerMinuteLimit" INTEGER NOT NULL,
    "UsageCount" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastUsedAt" INTEGER NULL,
    "RevokedAt" INTEGER NULL
);

CREATE TABLE "source_runs" (
    "Source" TEXT NOT NULL CONSTRAINT "PK_source_runs" PRIMARY KEY,
    "Status" TEXT NOT NULL,
    "LeaseUntil" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL,
    "LastError" TEXT NULL
);

CREATE UNIQUE INDEX "IX_api_keys_KeyHash" ON "api_keys" ("KeyHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201211347_SourceRunsAndApiKeys', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "quiz_answers" (
    "SessionId" TEXT NOT NULL,
    "QuestionIndex" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "ConversationId" TEXT NOT NULL,
    "ChosenOption" INTEGER NOT NULL,
    "Correct" INTEGER NOT NULL,
    "AnsweredAt" INTEGER NOT NULL,
    CONSTRAINT "PK_quiz_answers" PRIMARY KEY ("SessionId", "QuestionIndex", "UserId")
);

CREATE TABLE "quiz_learner_items" (
    "UserId" TEXT NOT NULL,
    "QuestionId" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "Box" INTEGER NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "TimesCorrect" INTEGER NOT NULL,
    "TimesWrong" INTEGER NOT NULL,
    "LastAnsweredAt" INTEGER NOT NULL,
    CONSTRAINT "PK_quiz_learner_items" PRIMARY KEY ("UserId", "QuestionId")
);

CREATE TABLE "quiz_questions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_quiz_questions" PRIMARY KEY,
    "ChunkId" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "Stem" TEXT NOT NULL,
    "OptionsJson" TEXT NOT NULL,
    "CorrectOption" INTEGER NOT NULL,
    "Evidence" TEXT NOT NULL,
    "Explanation" TEXT NOT NULL,
    "CitationJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "RetiredAt" INTEGER NULL
);

CREATE TABLE "quiz_sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_quiz_sessions" PRIMARY KEY,
    "Channel" TEXT NOT NULL,
    "ConversationId" TEXT NOT NULL,
    "OpenIn" TEXT NULL,
    "Personal" INTEGER NOT NULL,
    "StartedBy" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "QuestionIdsJson" TEXT NOT NULL,
    "Current" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "QuestionDeadline" INTEGER NULL,
    "IdleDeadline" INTEGER NOT NULL,
    "ClosedAt" INTEGER NULL
);

CREATE INDEX "IX_quiz_answers_Channel_ConversationId" ON "quiz_answers" ("Channel", "ConversationId");

CREATE INDEX "IX_quiz_questions_ChunkId" ON "quiz_questions" ("ChunkId");

CREATE UNIQUE INDEX "IX_quiz_sessions_OpenIn" ON "quiz_sessions" ("OpenIn");

CREATE INDEX "IX_quiz_sessions_State_IdleDeadline" ON "quiz_sessions" ("State", "IdleDeadline");

CREATE INDEX "IX_quiz_sessions_State_QuestionDeadline" ON "quiz_sessions" ("State", "QuestionDeadline");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202001004_Quizzes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "quiz_sessions" RENAME COLUMN "ConversationId" TO "Space";

ALTER TABLE "quiz_answers" RENAME COLUMN "ConversationId" TO "Space";

DROP INDEX "IX_quiz_answers_Channel_ConversationId";

CREATE INDEX "IX_quiz_answers_Channel_Space" ON "quiz_answers" ("Channel", "Space");

ALTER TABLE "quiz_sessions" ADD "Reference" TEXT NULL;

ALTER TABLE "quiz_sessions" ADD "Thread" TEXT NULL;

ALTER TABLE "quiz_answers" ADD "Thread" TEXT NULL;

UPDATE quiz_sessions SET "Thread" = NULLIF(substr("Space", instr("Space", ':') + 1), ''), "Space" = substr("Space", 1, instr("Space", ':') - 1)
WHERE "Channel" = 'slack' AND instr("Space", ':') > 1;

UPDATE quiz_sessions SET "Thread" = NULLIF(substr("Space", instr("Space", ';messageid=') + 11), ''), "Space" = substr("Space", 1, instr("Space", ';messageid=') - 1)
WHERE "Channel" = 'teams' AND instr("Space", ';messageid=') > 1;

UPDATE quiz_answers SET "Thread" = NULLIF(substr("Space", instr("Space", ':') + 1), ''), "Space" = substr("Space", 1, instr("Space", ':') - 1)
WHERE "Channel" = 'slack' AND instr("Space", ':') > 1;

UPDATE quiz_answers SET "Thread" = NULLIF(substr("Space", instr("Space", ';messageid=') + 11), ''), "Space" = substr("Space", 1, instr("Space", ';messageid=') - 1)
WHERE "Channel" = 'teams' AND instr("Space", ';messageid=') > 1;

UPDATE quiz_sessions SET "OpenIn" = 'teams|' || "Space" || ':' || "Thread" WHERE "Channel" = 'teams' AND "OpenIn" IS NOT NULL AND "Thread" IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205145244_ConversationAddresses', '10.0.15');

COMMIT;

