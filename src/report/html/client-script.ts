import { CLIENT_APP } from './client-app.js';
import { CLIENT_CHARTS } from './client-charts.js';
import { CLIENT_DOM } from './client-dom.js';
import { CLIENT_FINDINGS } from './client-findings.js';
import { CLIENT_SECTIONS } from './client-sections.js';

/** The page's one script: its parts in one strict-mode function, so nothing leaks into the page's globals. */
export const CLIENT_SCRIPT = `(function () {\n'use strict';\n${CLIENT_DOM}${CLIENT_CHARTS}${CLIENT_FINDINGS}${CLIENT_SECTIONS}${CLIENT_APP}})();\n`;
