import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerUiFonts } from './lib/uiFonts';

registerUiFonts(document.baseURI);

const target = document.getElementById('app')!;
target.textContent = '';
mount(App, { target });
