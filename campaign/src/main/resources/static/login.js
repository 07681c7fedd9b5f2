// The sign-in page: its texts in the chosen language, and what the last attempt came to.
import { translatePage, setLanguage, language, LANGUAGES } from './i18n.js';

const chooser = document.getElementById('language');
for (const [code, name] of Object.entries(LANGUAGES)) {
  const option = document.createElement('option');
  option.value = code;
  option.lang = code;
  option.textContent = name;
  option.selected = code === language();
  chooser.append(option);
}
chooser.addEventListener('change', () => setLanguage(chooser.value));

const query = new URLSearchParams(location.search);
document.getElementById('sign-in-error').hidden = !query.has('error');
document.getElementById('signed-out').hidden = !query.has('logout');
translatePage();
document.title = document.getElementById('sign-in-title').textContent + ' — epicall';
