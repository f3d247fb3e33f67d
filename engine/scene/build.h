// scene::build: a centre layout + its catalogue + the product models -> the Scene to render.
#pragma once
