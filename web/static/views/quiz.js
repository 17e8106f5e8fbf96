// Quiz mode: multiple-choice questions generated from the collection's facts, checked in the
// page, each with the sentence it comes from.
import { api, el, render, loading, quoteWithSource, plural } from '../lib.js';

export async function showQuiz(main, { params, signal }) {
  const seed = Number.parseInt(params.get('seed') || '', 10);
  if (!Number.isInteger(seed) || seed < 0) {
    history.replaceState(null, '', `#/quiz?seed=${Math.floor(Math.random() * 1e6)}`);
    return showQuiz(main, { params: new URLSearchParams(location.hash.split('?')[1]), signal });
  }
  render(main, 'Quiz', el('h1', {}, 'Quiz'), loading('questions'));
  const quiz = await api('quiz', { count: 5, seed }, { signal });
  if (!quiz.questions.length) {
    render(main, 'Quiz', el('h1', {}, 'Quiz'), el('p', { class: 'muted' }, 'The collection has no facts to quiz on yet.'));
    return;
  }
  const score = el('p', { class: 'score', role: 'status', 'aria-live': 'polite' });
  const fieldsets = quiz.questions.map((question, qIndex) => el('fieldset', { 'data-question': qIndex },
    el('legend', {}, `${qIndex + 1}. ${question.question}`),
    question.choices.map((choice, cIndex) => el('label', {},
      el('input', { type: 'radio', name: `q${qIndex}`, value: cIndex }), choice)),
    el('div', { class: 'feedback', hidden: true })));
  const form = el('form', { class: 'quiz', onsubmit: (event) => {
    event.preventDefault();
    check(quiz, fieldsets, score);
  } },
  fieldsets,
  el('div', { class: 'doc-tools' },
    el('button', { type: 'submit' }, 'Check answers'),
    el('a', { href: `#/quiz?seed=${seed + 1}`, class: 'button secondary' }, 'New quiz'),
    score));
  render(main, 'Quiz',
    el('h1', {}, 'Quiz'),
    el('p', { class: 'muted' }, `${plural(quiz.questions.length, 'question')} from the documents. Pick an answer for each, then check.`),
    form);
}

function check(quiz, fieldsets, score) {
  let correct = 0;
  quiz.questions.forEach((question, qIndex) => {
    const fieldset = fieldsets[qIndex];
    const chosen = fieldset.querySelector('input:checked');
    const labels = [...fieldset.querySelectorAll('label')];
    labels.forEach((label, cIndex) => {
      label.classList.toggle('correct', cIndex === question.answer_index);
      label.classList.toggle('wrong', chosen !== null && Number(chosen.value) === cIndex && cIndex !== question.answer_index);
    });
    const right = chosen !== null && Number(chosen.value) === question.answer_index;
    if (right) correct += 1;
    const feedback = fieldset.querySelector('.feedback');
    feedback.hidden = false;
    feedback.replaceChildren(
      el('p', { class: 'verdict' }, right ? '✓ Right.' : chosen ? `✗ The answer is ${question.choices[question.answer_index]}.` : `Not answered: it is ${question.choices[question.answer_index]}.`),
      ...quoteWithSource(question.source));
  });
  score.textContent = `Score: ${correct} of ${quiz.questions.length}`;
}
