"use strict";

const form = document.getElementById("ask-form");
const questionInput = document.getElementById("question");
const askButton = document.getElementById("ask-button");
const sourceFilter = document.getElementById("source-filter");
const answerBox = document.getElementById("answer");
const errorBox = document.getElementById("error");

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// Answer text refers to citations as [1], [2]: turn each into a link to its entry.
function renderAnswerText(text) {
  const paragraph = document.getElementById("answer-text");
  paragraph.replaceChildren();
  for (const part of text.split(/(\[\d+\])/)) {
    const match = /^\[(\d+)\]$/.exec(part);
    if (match) paragraph.append(element("sup", {}, element("a", { href: `#citation-${match[1]}` }, `[${match[1]}]`)));
    else paragraph.append(part);
  }
}

function renderCitations(citations) {
  const list = document.getElementById("citations");
  list.replaceChildren();
  for (const c of citations) {
    const where = [c.source, c.headingPath, c.page ? `page ${c.page}` : ""].filter(Boolean).join(" · ");
    list.append(element("li", { id: `citation-${c.number}`, value: String(c.number) },
      element("a", { href: c.url, target: "_blank", rel: "noopener" }, c.title),
      ` — ${where}`,
      element("span", { class: "snippet" }, c.snippet)));
  }
}

async function ask(question) {
  errorBox.hidden = true;
  askButton.disabled = true;
  try {
    const sources = sourceFilter.value ? [sourceFilter.value] : [];
    const response = await fetch("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question, sources }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || `The server answered ${response.status}.`);
    renderAnswerText(body.answer);
    renderCitations(body.citations);
    const notice = document.getElementById("answer-notice");
    notice.textContent = body.notice || "";
    notice.hidden = !body.notice;
    const model = body.promptVersion
      ? [`prompt ${body.promptVersion}`, `tools: ${body.toolsCalled && body.toolsCalled.length ? body.toolsCalled.join(", ") : "none"}`]
      : [];
    document.getElementById("answer-meta").textContent =
      [`${body.citations.length} source${body.citations.length === 1 ? "" : "s"}`, ...model, `${body.latencyMs} ms`].join(" · ");
    answerBox.hidden = false;
  } catch (error) {
    errorBox.textContent = error.message;
    errorBox.hidden = false;
  } finally {
    askButton.disabled = false;
  }
}

function renderStatus(status) {
  const index = status.index;
  const prompts = Object.entries(status.promptVersions || {});
  document.getElementById("status-summary").textContent =
    `${status.ready ? "" : "Loading index… "}${index.documents} documents, ${index.chunks} chunks` +
    (prompts.length ? ` · answers per prompt: ${prompts.map(([version, count]) => `${version} ${count}`).join(", ")}` : "");
  const list = document.getElementById("sources");
  list.replaceChildren();
  for (const s of index.sources) {
    const item = element("li", {},
      element("strong", {}, s.name), " ",
      element("span", { class: `state ${s.state}` }, s.state),
      element("div", { class: "meta" }, `${s.documents} documents · ${s.chunks} chunks` +
        (s.lastFinished ? ` · last run ${new Date(s.lastFinished).toLocaleString()}` : "")));
    if (s.state === "running" && s.progressTotal > 0) {
      item.append(element("progress", { max: String(s.progressTotal), value: String(s.progressDone) }),
        element("div", { class: "meta" }, `${s.progressDone} of ${s.progressTotal} documents`));
    }
    if (s.errors.length > 0) {
      item.append(element("ul", { class: "doc-errors" },
        ...s.errors.map(e => element("li", {}, `${e.document}: ${e.error}`))));
    }
    list.append(item);
  }
  const selected = sourceFilter.value;
  sourceFilter.replaceChildren(element("option", { value: "" }, "all sources"),
    ...index.sources.map(s => element("option", { value: s.name }, s.name)));
  sourceFilter.value = selected;
  return index.sources.some(s => s.state === "running" || s.state === "pending") || !status.ready;
}

async function refreshStatus() {
  let busy = true;
  try {
    const response = await fetch("/api/status");
    busy = renderStatus(await response.json());
  } catch {
    document.getElementById("status-summary").textContent = "Status unavailable.";
  }
  setTimeout(refreshStatus, busy ? 1000 : 10000);
}

form.addEventListener("submit", event => {
  event.preventDefault();
  const question = questionInput.value.trim();
  if (question) ask(question);
});

refreshStatus();

// Quizzes: started through /api/chat, answered through /api/quiz/answer; the playground's quizzes are personal.
const quizConversation = `playground-${Math.random().toString(36).slice(2)}`;
const quizBox = document.getElementById("quiz");

function showQuiz(body) {
  const feedback = document.getElementById("quiz-feedback");
  const isQuestion = body.type === "quiz-question";
  feedback.textContent = isQuestion ? "" : body.text;
  feedback.className = `feedback ${body.found === true ? "right" : body.found === false ? "wrong" : ""}`;
  feedback.hidden = isQuestion;
  const notice = document.getElementById("quiz-notice");
  notice.textContent = isQuestion && body.notice ? body.notice : "";
  notice.hidden = !notice.textContent;
  const options = document.getElementById("quiz-options");
  options.replaceChildren();
  document.getElementById("quiz-heading").textContent = body.quiz ? `Question ${body.quiz.number} of ${body.quiz.total} · ${body.quiz.topic}` : "";
  document.getElementById("quiz-stem").textContent = body.quiz ? body.quiz.stem : "";
  if (body.quiz) {
    body.quiz.options.forEach((text, option) => {
      const button = element("button", { type: "button", class: "option" }, `${String.fromCharCode(65 + option)}) ${text}`);
      button.addEventListener("click", () => answerQuiz(body.quiz, option));
      options.append(button);
    });
  }
  quizBox.hidden = false;
}

async function quizRequest(url, payload) {
  errorBox.hidden = true;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...payload, conversationId: quizConversation }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || `The server answered ${response.status}.`);
    showQuiz(body);
  } catch (error) {
    errorBox.textContent = error.message;
    errorBox.hidden = false;
  }
}

function answerQuiz(quiz, option) {
  for (const button of document.querySelectorAll("#quiz-options button")) button.disabled = true;
  quizRequest("/api/quiz/answer", { sessionId: quiz.sessionId, question: quiz.question, option });
}

document.getElementById("quiz-form").addEventListener("submit", event => {
  event.preventDefault();
  quizRequest("/api/chat", { text: `quiz ${document.getElementById("quiz-topic").value.trim()}`.trim() });
});
document.getElementById("quiz-me-button").addEventListener("click", () => quizRequest("/api/chat", { text: "quiz me" }));
