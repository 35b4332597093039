// Every key typed into a text field of a task form is kept.
//
// Camunda Forms (form-js) commits what is typed in a text field or text area to the form's data
// only 300 ms after the last key, or when the field is left; the field shows the form's data each
// time the form redraws. A number field that is left with the mouse commits its value a second
// time 300 ms later, and the form redraws: the next field, which the person had already clicked
// into and typed in, is set back to what was committed before, and the keys typed in that moment
// are lost ("Learning in Akkar" became "arning in Akkar"). Tasklist creates the form itself, so
// its delay cannot be configured. Here each key is committed as it is typed: once the field's own
// input handler has run (the event reaches the document after it), the field is told it was left
// (form-js listens for "focusout"), which commits at once. The event is the field's alone (it does
// not bubble), and focus and the cursor stay where they are.
const textFields = '.fjs-form .fjs-form-field-textfield input.fjs-input, '
  + '.fjs-form .fjs-form-field-textarea textarea';

document.addEventListener('input', event => {
  const field = event.target;
  if (field instanceof Element && field.matches(textFields)) {
    field.dispatchEvent(new FocusEvent('focusout'));
  }
});
