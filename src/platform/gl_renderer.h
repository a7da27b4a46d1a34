// Draws ImGui's draw lists with WebGL 2.
//
// The workbook owns its canvas's context and draws nothing else with it, so the
// GL state is set once and never read back. ImGui's own OpenGL3 backend saves
// and restores some twenty pieces of state around every frame with glGet*; in a
// browser each of those is a synchronous round trip to the GPU process, and they
// were 45% of a frame's CPU time on the contacts page with 30,000 contacts.
#pragma once
#include "imgui.h"

namespace wb::gl {

// Compiles the shaders, makes the buffers and sets the fixed state. Needs the
// context current. False (with a message on stderr) if the shaders fail.
bool Init();

// Uploads ImGui's font atlas (after each rebuild) and sets its texture id.
void UploadFonts();

// An empty RGBA texture of w x h (the images of text the browser draws); its GL name.
unsigned NewRgbaTexture(int w, int h);

// Clears to `clear` and draws one frame's lists into a framebuffer of fb_w x fb_h.
void Render(const ImDrawData* data, int fb_w, int fb_h, ImVec4 clear);

}  // namespace wb::gl
