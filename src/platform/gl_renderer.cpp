#include "platform/gl_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace wb::gl {
namespace {

// The font atlas is one channel (coverage); everything else ImGui draws samples
// its white texel, so the colour is the vertex colour times the coverage. The
// images of text the browser draws (ui/text_runs.h) are RGBA, in colour
// (emoji): for them the colour is the vertex colour times the texel.
const char* kVertexShader = R"(#version 300 es
uniform vec2 u_scale;
uniform vec2 u_offset;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = vec4((a_pos + u_offset) * u_scale + vec2(-1.0, 1.0), 0.0, 1.0);
}
)";
const char* kFragmentShader = R"(#version 300 es
precision highp float;  // texel-exact atlas coordinates on tall atlases
uniform sampler2D u_atlas;
uniform bool u_rgba;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
    vec4 t = texture(u_atlas, v_uv);
    o_color = u_rgba ? v_color * t : vec4(v_color.rgb, v_color.a * t.r);
}
)";

struct Renderer {
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0, atlas = 0;
    GLint u_scale = -1, u_offset = -1, u_rgba = -1;
};
Renderer R;

GLuint Compile(GLenum kind, const char* source) {
    GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "gl_renderer: shader did not compile: %s\n", log);
    }
    return s;
}

}  // namespace

bool Init() {
    GLuint vs = Compile(GL_VERTEX_SHADER, kVertexShader), fs = Compile(GL_FRAGMENT_SHADER, kFragmentShader);
    R.program = glCreateProgram();
    glAttachShader(R.program, vs);
    glAttachShader(R.program, fs);
    glLinkProgram(R.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(R.program, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::fprintf(stderr, "gl_renderer: shaders did not link\n");
        return false;
    }
    R.u_scale = glGetUniformLocation(R.program, "u_scale");
    R.u_offset = glGetUniformLocation(R.program, "u_offset");
    R.u_rgba = glGetUniformLocation(R.program, "u_rgba");
    glUseProgram(R.program);
    glUniform1i(glGetUniformLocation(R.program, "u_atlas"), 0);

    glGenVertexArrays(1, &R.vao);
    glBindVertexArray(R.vao);
    glGenBuffers(1, &R.vbo);
    glGenBuffers(1, &R.ibo);
    glBindBuffer(GL_ARRAY_BUFFER, R.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, R.ibo);  // part of the vertex array's state
    const GLsizei stride = sizeof(ImDrawVert);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));

    // Straight alpha over an opaque canvas, as ImGui draws; no depth, stencil or culling.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glActiveTexture(GL_TEXTURE0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // the atlas rows are bytes, any width
    ImGui::GetIO().BackendRendererName = "wb_webgl2";
    return true;
}

void UploadFonts() {
    ImFontAtlas* fonts = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // a quarter of RGBA's bytes, no conversion pass
    if (!R.atlas) {
        glGenTextures(1, &R.atlas);
        glBindTexture(GL_TEXTURE_2D, R.atlas);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glBindTexture(GL_TEXTURE_2D, R.atlas);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(R.atlas)));
}

unsigned NewRgbaTexture(int w, int h) {
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, w, h);
    return t;
}

void Render(const ImDrawData* data, int fb_w, int fb_h, ImVec4 clear) {
    glViewport(0, 0, fb_w, fb_h);
    glDisable(GL_SCISSOR_TEST);  // the clear covers the whole canvas
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!data || data->DisplaySize.x <= 0 || data->DisplaySize.y <= 0 || fb_w <= 0 || fb_h <= 0) return;
    glEnable(GL_SCISSOR_TEST);

    // ImGui's coordinates (display pixels from DisplayPos) to clip space, y down.
    const ImVec2 pos = data->DisplayPos, size = data->DisplaySize, scale = data->FramebufferScale;
    glUniform2f(R.u_scale, 2.0f / size.x, -2.0f / size.y);
    glUniform2f(R.u_offset, -pos.x, -pos.y);

    GLuint bound = R.atlas;
    glBindTexture(GL_TEXTURE_2D, bound);
    glUniform1i(R.u_rgba, 0);
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {  // the workbook uses none; honoured for completeness
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            // The clip rectangle in framebuffer pixels, GL's origin at the bottom.
            const float x0 = (cmd.ClipRect.x - pos.x) * scale.x, y0 = (cmd.ClipRect.y - pos.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - pos.x) * scale.x, y1 = (cmd.ClipRect.w - pos.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_h - y1), static_cast<GLsizei>(x1 - x0),
                      static_cast<GLsizei>(y1 - y0));
            const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (tex != bound) {
                glBindTexture(GL_TEXTURE_2D, bound = tex);
                glUniform1i(R.u_rgba, tex != R.atlas);
            }
            // No RendererHasVtxOffset: ImGui keeps every list within 16-bit indices.
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
}

}  // namespace wb::gl
